"""The hub's schema: versioned SQL migrations of its own, like the book's.

Everything lives in schema `crm`, owned by `crm_owner`, a role nobody logs in as (owners and
superusers bypass row-level security). Staff log in as their own roles, members of
`crm_staff`, which may read `crm.rec` only through RLS and write only through `crm.push`
(SECURITY DEFINER, fixed search_path). There is no process of ours on the server.

A synced row travels as one or more *records* (`crm.rec`): kind ('customer',
'customer.standard', 'customer.notes', 'interaction'…), uid, the customer it belongs to,
its visibility class (`lvl`), the values (`data`), the version of every field (`v`: column
-> [hlc, change number, device]) and the change number `seq` of its latest write. Pushes
are serialised by an advisory lock so that `seq` follows commit order and a pull by
`seq > cursor` never skips a row committed late.
"""

from __future__ import annotations

PUSH_LOCK = 727274  # pg_advisory_xact_lock key serialising pushes

_V1 = r"""
CREATE SCHEMA crm AUTHORIZATION crm_owner;
SET LOCAL ROLE crm_owner;
CREATE TABLE crm.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE crm.login (
    rolname text PRIMARY KEY, staff_uid text,
    role text NOT NULL CHECK (role IN ('manager', 'executive', 'receptionist')),
    enrolled_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE crm.device (
    uid text PRIMARY KEY, rolname text NOT NULL, name text NOT NULL DEFAULT '',
    joined_at timestamptz NOT NULL DEFAULT now(), last_push timestamptz,
    last_pull timestamptz, pulled bigint NOT NULL DEFAULT 0, proto int NOT NULL DEFAULT 1);
CREATE TABLE crm.acl (
    cust text PRIMARY KEY, owner text, exclusive boolean NOT NULL DEFAULT false,
    private_notes boolean NOT NULL DEFAULT false, forgotten boolean NOT NULL DEFAULT false);
CREATE SEQUENCE crm.change_seq;
CREATE TABLE crm.rec (
    kind text NOT NULL, uid text NOT NULL, cust text, lvl text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}', v jsonb NOT NULL DEFAULT '{}',
    deleted boolean NOT NULL DEFAULT false, seq bigint NOT NULL,
    PRIMARY KEY (kind, uid));
CREATE INDEX rec_seq ON crm.rec (seq);
CREATE INDEX rec_cust ON crm.rec (cust);

-- The level of a kind of record (what part 2's receivers are judged on).
CREATE FUNCTION crm.kind_level(k text) RETURNS text LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog AS $$
  SELECT CASE
    WHEN k = 'customer.notes' THEN 'notes'
    WHEN k IN ('customer', 'customer_email', 'customer_phone', 'customer_consent')
      THEN 'contact'
    WHEN k IN ('staff', 'setting', 'reward', 'saved_view') THEN 'open'
    ELSE 'standard' END
$$;

-- Who is calling (session_user: a SECURITY DEFINER function runs as the owner).
CREATE FUNCTION crm.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
  SELECT role FROM crm.login WHERE rolname = session_user
$$;
CREATE FUNCTION crm.my_staff() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
  SELECT staff_uid FROM crm.login WHERE rolname = session_user
$$;

-- Row-level security: the policy calls the level functions wrapped in (SELECT ...) so
-- they run once per statement, not once per row.
ALTER TABLE crm.rec ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.rec FORCE ROW LEVEL SECURITY;
CREATE POLICY rec_owner ON crm.rec TO crm_owner USING (true) WITH CHECK (true);
CREATE POLICY rec_staff_read ON crm.rec FOR SELECT TO crm_staff USING (
  cust IS NULL OR lvl IN ('contact', 'open')
  OR (SELECT crm.my_role()) = 'manager'
  OR (NOT EXISTS (SELECT 1 FROM crm.acl a WHERE a.cust = rec.cust AND a.exclusive
                  AND ((SELECT crm.my_role()) = 'receptionist'
                       OR a.owner IS DISTINCT FROM (SELECT crm.my_staff())))
      AND (lvl <> 'notes' OR NOT EXISTS (
          SELECT 1 FROM crm.acl a WHERE a.cust = rec.cust AND a.private_notes
          AND NOT ((SELECT crm.my_role()) = 'executive'
                   AND (a.owner = (SELECT crm.my_staff())
                        OR (a.owner IS NULL AND NOT a.exclusive))))))
);
ALTER TABLE crm.acl ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.acl FORCE ROW LEVEL SECURITY;
CREATE POLICY acl_owner ON crm.acl TO crm_owner USING (true) WITH CHECK (true);
CREATE POLICY acl_staff_read ON crm.acl FOR SELECT TO crm_staff USING (true);
ALTER TABLE crm.meta ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.meta FORCE ROW LEVEL SECURITY;
CREATE POLICY meta_owner ON crm.meta TO crm_owner USING (true) WITH CHECK (true);
CREATE POLICY meta_staff_read ON crm.meta FOR SELECT TO crm_staff USING (true);
ALTER TABLE crm.login ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.login FORCE ROW LEVEL SECURITY;
CREATE POLICY login_owner ON crm.login TO crm_owner USING (true) WITH CHECK (true);
ALTER TABLE crm.device ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.device FORCE ROW LEVEL SECURITY;
CREATE POLICY device_owner ON crm.device TO crm_owner USING (true) WITH CHECK (true);

-- Pull: SECURITY INVOKER so RLS applies; PL/pgSQL RETURN QUERY EXECUTE so the plan is
-- made for the actual cursor (a SQL function with a SET clause got a generic plan: 100x
-- slower; in PL/pgSQL the SET clause does not change planning).
CREATE FUNCTION crm.pull(after bigint, lim int)
RETURNS TABLE (seq bigint, kind text, uid text, cust text, data jsonb, v jsonb,
               deleted boolean)
LANGUAGE plpgsql STABLE SECURITY INVOKER
-- JIT compiling the policy's subplans cost 40 ms on every small pull (measured).
SET jit = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT r.seq, r.kind, r.uid, r.cust, r.data, r.v, r.deleted FROM crm.rec r '
    'WHERE r.seq > $1 ORDER BY r.seq LIMIT $2' USING after, lim;
END $$;

-- Bootstrap: one kind at a time, in uid order (the primary key), inside one
-- REPEATABLE READ transaction of the caller: a consistent snapshot, RLS applied.
CREATE FUNCTION crm.snapshot(p_kind text, p_after text, lim int)
RETURNS TABLE (uid text, data text, deleted boolean, seq bigint)
LANGUAGE plpgsql STABLE SECURITY INVOKER SET jit = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT r.uid, r.data::text, r.deleted, r.seq FROM crm.rec r '
    'WHERE r.kind = $1 AND r.uid > $2 ORDER BY r.uid LIMIT $3' USING p_kind, p_after, lim;
END $$;

-- A device says hello: registered for the caller on first use, refused if it belongs to
-- another person. Returns what the device needs to know.
CREATE FUNCTION crm.hello(p_device text, p_name text, p_proto int) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  owner_role text;
  who crm.login%ROWTYPE;
BEGIN
  SELECT * INTO who FROM crm.login WHERE rolname = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'crmdesk: % is not enrolled on this hub', session_user;
  END IF;
  SELECT d.rolname INTO owner_role FROM crm.device d WHERE d.uid = p_device;
  IF owner_role IS NULL THEN
    INSERT INTO crm.device (uid, rolname, name, proto)
    VALUES (p_device, session_user, coalesce(p_name, ''), p_proto);
  ELSIF owner_role <> session_user THEN
    RAISE EXCEPTION 'crmdesk: this book belongs to %, not %', owner_role, session_user;
  ELSE
    UPDATE crm.device SET proto = p_proto WHERE uid = p_device;
  END IF;
  RETURN jsonb_build_object(
    'schema', (SELECT value FROM crm.meta WHERE key = 'schema_version'),
    'office', (SELECT value FROM crm.meta WHERE key = 'office'),
    'proto', (SELECT value FROM crm.meta WHERE key = 'protocol'),
    'role', who.role, 'staff', who.staff_uid,
    'head', (SELECT coalesce(max(r.seq), 0) FROM crm.rec r),
    'now', (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
END $$;

-- After a pull is stored: how far the device has come (hub check shows it).
CREATE FUNCTION crm.ack(p_device text, p_upto bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
  UPDATE crm.device SET pulled = greatest(pulled, p_upto), last_pull = now()
  WHERE uid = p_device AND rolname = session_user
$$;

-- Which of a role's writes the hub refuses: the rules of services/access.py.
CREATE FUNCTION crm.refusal(my_role text, my_staff text, k text, c text, x jsonb,
                            cu text, row_exists boolean) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a crm.acl%ROWTYPE;
  lvl int;
  base text := split_part(k, '.', 1);
BEGIN
  IF base IN ('staff', 'setting', 'reward') AND my_role <> 'manager' THEN
    RETURN 'only a manager may change staff, settings and rewards';
  END IF;
  IF k = 'points_entry' AND my_role = 'receptionist' AND c = '*'
     AND x->>'kind' IN ('bonus', 'adjust') THEN
    RETURN 'a receptionist may not give bonuses or adjust points';
  END IF;
  IF k = 'customer' AND c IN ('archived_at', '_del') AND my_role = 'receptionist' THEN
    RETURN 'a receptionist may not archive, restore or delete customers';
  END IF;
  IF cu IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT * INTO a FROM crm.acl WHERE cust = cu;
  IF FOUND AND a.forgotten AND (c = '*' OR c IN (
        'given_name', 'family_name', 'preferred_name', 'salutation', 'birthday',
        'life_situation', 'interests', 'needs', 'occupation', 'company',
        'preferred_channel', 'best_time', 'notes', 'owner_id', 'subject', 'outcome',
        'what', 'description', 'reason', 'reward', 'street', 'city', 'postcode'))
     AND NOT (x IS NULL OR x = 'null'::jsonb OR x = '""'::jsonb OR x = 'true'::jsonb
              OR x = '"(forgotten)"'::jsonb OR x = '"(erased)"'::jsonb
              OR x = '"Forgotten"'::jsonb)
     AND NOT (c = '*' AND k NOT IN ('customer_email', 'customer_phone', 'customer_address',
                                   'customer_consent', 'customer_tag', 'customer.notes',
                                   'customer.standard')) THEN
    RETURN 'forgotten';
  END IF;
  -- The author's level on the customer (as in access.py).
  IF my_role = 'manager' OR NOT FOUND THEN
    lvl := 3;
  ELSIF my_role = 'executive' THEN
    lvl := CASE WHEN a.owner = my_staff THEN 3 WHEN a.exclusive THEN 1
                WHEN a.owner IS NULL THEN 3 ELSE 2 END;
  ELSE
    lvl := CASE WHEN a.exclusive THEN 1 ELSE 2 END;
  END IF;
  IF lvl = 1 AND k IN ('customer.standard', 'customer.notes', 'customer_address',
                       'customer_tag') AND row_exists THEN
    RETURN 'this person sees the customer at contact level only';
  END IF;
  IF lvl = 2 AND k = 'customer.notes' AND a.private_notes THEN
    RETURN 'the notes are private: only the executive and managers may change them';
  END IF;
  RETURN NULL;
END $$;

-- Which of two concurrent values of a field wins (true: the new one).
CREATE FUNCTION crm.wins(k text, c text, x jsonb, h text, cur jsonb, cur_h text,
                         forgotten boolean) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE
    -- forgetting wins over any concurrent edit of what identifies the person
    WHEN forgotten AND (x IS NULL OR x IN ('""'::jsonb, 'null'::jsonb, '"Forgotten"'::jsonb,
                                            '"(forgotten)"'::jsonb, 'true'::jsonb))
      THEN true
    -- marketing consent: a withdrawal wins over a concurrent grant
    WHEN k = 'customer_consent' AND c = '_del' AND x <> cur THEN x = 'true'::jsonb
    -- a follow-up: done beats cancelled beats open (a promise never silently reopens)
    WHEN k = 'follow_up' AND c = 'status' AND x <> cur THEN
      (CASE x #>> '{}' WHEN 'done' THEN 2 WHEN 'cancelled' THEN 1 ELSE 0 END) >
      (CASE cur #>> '{}' WHEN 'done' THEN 2 WHEN 'cancelled' THEN 1 ELSE 0 END)
    ELSE h > cur_h END
$$;

CREATE FUNCTION crm.put_conflict(k text, u text, c text, cu text, kept jsonb, kept_h text,
                                 kept_dev text, lost jsonb, lost_h text, lost_dev text,
                                 why text) RETURNS void
LANGUAGE sql SET search_path = pg_catalog AS $$
  INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, seq)
  SELECT 'sync_conflict', md5(k || '|' || u || '|' || c || '|' || coalesce(lost_h, '')),
          cu, crm.kind_level(k),
          jsonb_build_object(
            'kind', k, 'row_uid', u, 'customer_uid', cu, 'col', c,
            'kept', kept, 'lost', lost, 'kept_hlc', kept_h, 'lost_hlc', lost_h,
            'kept_device', kept_dev, 'lost_device', lost_dev,
            'kept_by', (SELECT d.rolname FROM crm.device d WHERE d.uid = kept_dev),
            'lost_by', (SELECT d.rolname FROM crm.device d WHERE d.uid = lost_dev),
            'reason', coalesce(why, ''),
            'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
          '{}', nextval('crm.change_seq')
  -- fields the app keeps by itself are not worth a person's review
  WHERE c NOT IN ('updated_at', 'sort_name', 'last_contact_at', 'stage_since', 'position')
  ON CONFLICT (kind, uid) DO NOTHING
$$;

-- Two offline redemptions may overdraw an account: both happened, so both are kept, and
-- the overdraft is raised for a manager to review.
CREATE FUNCTION crm.check_overdraft(u text, cu text, h text, dev text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  bal bigint;
BEGIN
  SELECT coalesce(sum((r.data ->> 'points')::bigint), 0) INTO bal FROM crm.rec r
  WHERE r.kind = 'points_entry' AND r.cust = cu AND NOT r.deleted;
  IF bal < 0 THEN
    PERFORM crm.put_conflict('points_entry', u, 'points', cu, to_jsonb(bal), h, dev,
                             NULL, h, dev, 'overdrawn: the balance is ' || bal
                             || ' points after redemptions made offline');
  END IF;
END $$;

-- One field write (c = '*': a whole new row). Returns the verdict for the device.
CREATE FUNCTION crm.put(k text, u text, c text, x jsonb, h text, q bigint, cu text,
                        dev text, my_role text, my_staff text, now_ms bigint,
                        nat jsonb DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r crm.rec%ROWTYPE;
  found_rec boolean;
  cur jsonb;
  why text;
  s bigint;
  mine boolean;
  fgt boolean;
  key text;
  sub jsonb;
  lost jsonb := '{}';
  shown jsonb;
BEGIN
  SELECT * INTO r FROM crm.rec WHERE kind = k AND uid = u FOR UPDATE;
  found_rec := FOUND;
  IF found_rec AND r.cust IS NOT NULL THEN
    cu := r.cust;
  END IF;
  IF left(h, 13)::bigint > now_ms + 300000 THEN
    why := 'clock: stamped more than 5 minutes ahead of the hub''s clock';
  ELSE
    why := crm.refusal(my_role, my_staff, k, c, x, cu, found_rec);
  END IF;
  IF why IS NOT NULL THEN
    shown := CASE WHEN why = 'forgotten' THEN '"(withheld: the customer was forgotten)"'
                  ELSE x END;
    PERFORM crm.put_conflict(k, u, c, cu, CASE WHEN found_rec THEN
                               CASE WHEN c = '*' THEN r.data ELSE r.data -> c END END,
                             CASE WHEN found_rec THEN r.v -> c ->> 0 END,
                             CASE WHEN found_rec THEN r.v -> c ->> 2 END,
                             shown, h, dev, why);
    RETURN jsonb_build_object('r', 'refused', 'e', found_rec AND NOT r.deleted,
                              'w', CASE WHEN NOT found_rec THEN '{}'::jsonb
                                        WHEN c = '*' THEN r.data
                                        ELSE jsonb_build_object(c, r.data -> c) END,
                              'd', found_rec AND r.deleted);
  END IF;
  IF c = '*' THEN
    IF NOT found_rec AND nat IS NOT NULL AND EXISTS (
        SELECT 1 FROM crm.rec d WHERE d.kind = k AND d.cust = cu AND NOT d.deleted
        AND d.uid <> u AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements_text(nat) n
          WHERE d.data -> n.value IS DISTINCT FROM x -> n.value)) THEN
      -- The same address (number, tag...) added on another laptop too: one row. This
      -- one is kept as a removed duplicate; the device drops it and pulls the other.
      s := nextval('crm.change_seq');
      INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
      VALUES (k, u, cu, crm.kind_level(k), '{}',
              jsonb_build_object('_del', jsonb_build_array(h, s, dev)), true, s);
      RETURN jsonb_build_object('r', 'lost', 'w', jsonb_build_object('_del', true));
    END IF;
    IF NOT found_rec THEN
      s := nextval('crm.change_seq');
      INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
      VALUES (k, u, cu, crm.kind_level(k), x - '_del',
              (SELECT coalesce(jsonb_object_agg(e.key, jsonb_build_array(h, s, dev)),
                               '{}') FROM jsonb_each(x) e),
              false, s);
      PERFORM crm.after_put(k, u, cu, x);
      IF k = 'points_entry' AND coalesce((x ->> 'points')::bigint, 0) < 0 THEN
        PERFORM crm.check_overdraft(u, cu, h, dev);
      END IF;
      RETURN jsonb_build_object('r', 'ok');
    END IF;
    -- The same fact written elsewhere too (a deterministic uid), or a row coming back:
    -- field by field.
    FOR key, sub IN SELECT e.key, e.value FROM jsonb_each(x) e LOOP
      cur := crm.put(k, u, key, sub, h, q, cu, dev, my_role, my_staff, now_ms);
      IF cur->>'r' = 'lost' THEN
        lost := lost || (cur -> 'w');
      END IF;
    END LOOP;
    RETURN jsonb_build_object('r', CASE WHEN lost = '{}' THEN 'ok' ELSE 'lost' END,
                              'w', lost);
  END IF;
  cur := CASE WHEN found_rec THEN r.v -> c END;
  IF cur IS NOT NULL AND cur ->> 0 = h THEN
    RETURN jsonb_build_object('r', 'ok');  -- a retried push: already applied
  END IF;
  IF cur IS NULL OR cur ->> 2 = dev OR (cur ->> 1)::bigint <= q THEN
    mine := true;  -- nothing concurrent: the writer had seen the current version
  ELSE
    SELECT a.forgotten INTO fgt FROM crm.acl a WHERE a.cust = cu;
    mine := crm.wins(k, c, x, h, coalesce(r.data -> c, 'null'), cur ->> 0,
                     coalesce(fgt, false) AND k LIKE 'customer%');
    IF mine THEN
      PERFORM crm.put_conflict(k, u, c, cu, x, h, dev,
                               coalesce(r.data -> c, 'null'), cur ->> 0, cur ->> 2, '');
    ELSE
      PERFORM crm.put_conflict(k, u, c, cu, coalesce(r.data -> c, 'null'), cur ->> 0,
                               cur ->> 2, x, h, dev, '');
    END IF;
  END IF;
  IF NOT mine THEN
    RETURN jsonb_build_object(
      'r', 'lost', 'w', CASE WHEN c = '_del' THEN jsonb_build_object('_del', r.deleted)
                             ELSE jsonb_build_object(c, coalesce(r.data -> c, 'null')) END);
  END IF;
  s := nextval('crm.change_seq');
  IF found_rec THEN
    UPDATE crm.rec SET
      data = CASE WHEN c = '_del' THEN data ELSE jsonb_set(data, ARRAY[c], x) END,
      v = jsonb_set(v, ARRAY[c], jsonb_build_array(h, s, dev)),
      deleted = CASE WHEN c = '_del' THEN x = 'true'::jsonb ELSE deleted END,
      cust = CASE WHEN c = 'customer_id' THEN x #>> '{}' ELSE cust END,
      seq = s
    WHERE kind = k AND uid = u;
  ELSE
    INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
    VALUES (k, u, cu, crm.kind_level(k),
            CASE WHEN c = '_del' THEN '{}'::jsonb ELSE jsonb_build_object(c, x) END,
            jsonb_build_object(c, jsonb_build_array(h, s, dev)),
            c = '_del' AND x = 'true'::jsonb, s);
  END IF;
  PERFORM crm.after_put(k, u, cu, jsonb_build_object(c, x));
  RETURN jsonb_build_object('r', 'ok');
END $$;

-- What the policies need to know about a customer, kept as fields arrive.
CREATE FUNCTION crm.after_put(k text, u text, cu text, x jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF k = 'customer' AND (x ? 'owner_id' OR x ? 'relationship_type' OR x ? 'given_name') THEN
    INSERT INTO crm.acl (cust) VALUES (u) ON CONFLICT DO NOTHING;
    UPDATE crm.acl SET
      owner = CASE WHEN x ? 'owner_id' THEN x ->> 'owner_id' ELSE owner END,
      exclusive = CASE WHEN x ? 'relationship_type'
                       THEN x ->> 'relationship_type' = 'exclusive' ELSE exclusive END,
      forgotten = forgotten OR coalesce(x ->> 'given_name' = 'Forgotten', false)
    WHERE cust = u;
  ELSIF k = 'customer.standard' AND x ? 'notes_private' THEN
    INSERT INTO crm.acl (cust) VALUES (u) ON CONFLICT DO NOTHING;
    UPDATE crm.acl SET private_notes = coalesce((x ->> 'notes_private')::int, 0) <> 0
    WHERE cust = u;
  END IF;
END $$;

-- Push: every write of a login role goes through here.
CREATE FUNCTION crm.push(p_proto int, p_device text, p_items jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off AS $$
DECLARE
  who crm.login%ROWTYPE;
  it jsonb;
  res jsonb[] := '{}';
  now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  before bigint;
BEGIN
  IF p_proto IS NULL OR p_proto < 1 OR p_proto > (SELECT value::int FROM crm.meta
                                                  WHERE key = 'protocol') THEN
    RAISE EXCEPTION 'crmdesk: this hub does not know protocol %: upgrade the hub', p_proto;
  END IF;
  SELECT * INTO who FROM crm.login WHERE rolname = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'crmdesk: % is not enrolled on this hub', session_user;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM crm.device d WHERE d.uid = p_device
                 AND d.rolname = session_user) THEN
    RAISE EXCEPTION 'crmdesk: this device is not registered for %', session_user;
  END IF;
  PERFORM pg_advisory_xact_lock(727274);
  before := (SELECT last_value FROM crm.change_seq);
  FOR it IN SELECT e.value FROM jsonb_array_elements(p_items) e LOOP
    res := res || crm.put(it ->> 'k', it ->> 'u', it ->> 'c', it -> 'x', it ->> 'h',
                          coalesce((it ->> 'q')::bigint, 0), it ->> 'cu', p_device,
                          who.role, who.staff_uid, now_ms, it -> 'n');
  END LOOP;
  UPDATE crm.device SET last_push = now() WHERE uid = p_device;
  IF (SELECT last_value FROM crm.change_seq) <> before THEN
    PERFORM pg_notify('crm_changes', (SELECT last_value FROM crm.change_seq)::text);
  END IF;
  RETURN jsonb_build_object('results', to_jsonb(res), 'now', now_ms);
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA crm FROM PUBLIC;
GRANT USAGE ON SCHEMA crm TO crm_staff;
GRANT SELECT ON crm.rec, crm.acl, crm.meta TO crm_staff;
GRANT EXECUTE ON FUNCTION crm.pull(bigint, int), crm.snapshot(text, text, int),
  crm.hello(text, text, int),
  crm.ack(text, bigint), crm.push(int, text, jsonb), crm.my_role(), crm.my_staff(),
  crm.kind_level(text) TO crm_staff;
INSERT INTO crm.meta (key, value) VALUES ('protocol', '1');
RESET ROLE;
"""

_V2 = r"""
SET LOCAL ROLE crm_owner;
-- v2: message templates, message log, photos, dismissed suggestions, organisation clients
-- travel; audit entries reach the hub (one chain per device) and no device pulls them.
CREATE OR REPLACE FUNCTION crm.kind_level(k text) RETURNS text LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog AS $$
  SELECT CASE
    WHEN k = 'customer.notes' THEN 'notes'
    WHEN k = 'audit_entry' THEN 'audit'
    WHEN k IN ('customer', 'customer_email', 'customer_phone', 'customer_consent',
               'customer_alias') THEN 'contact'
    WHEN k IN ('staff', 'setting', 'reward', 'saved_view', 'message_template') THEN 'open'
    ELSE 'standard' END
$$;

DROP POLICY rec_staff_read ON crm.rec;
CREATE POLICY rec_staff_read ON crm.rec FOR SELECT TO crm_staff USING (
  lvl <> 'audit' AND (
  cust IS NULL OR lvl IN ('contact', 'open')
  OR (SELECT crm.my_role()) = 'manager'
  OR (NOT EXISTS (SELECT 1 FROM crm.acl a WHERE a.cust = rec.cust AND a.exclusive
                  AND ((SELECT crm.my_role()) = 'receptionist'
                       OR a.owner IS DISTINCT FROM (SELECT crm.my_staff())))
      AND (lvl <> 'notes' OR NOT EXISTS (
          SELECT 1 FROM crm.acl a WHERE a.cust = rec.cust AND a.private_notes
          AND NOT ((SELECT crm.my_role()) = 'executive'
                   AND (a.owner = (SELECT crm.my_staff())
                        OR (a.owner IS NULL AND NOT a.exclusive)))))))
);

-- One audit entry of a device's chain: kept once, whatever its stamp (an entry records
-- what happened; the clock rule is for edits), never changed by a device.
CREATE FUNCTION crm.put_audit(u text, x jsonb, cu text, dev text) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM crm.rec WHERE kind = 'audit_entry' AND rec.uid = u) THEN
    s := nextval('crm.change_seq');
    INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
    VALUES ('audit_entry', u, cu, 'audit',
            CASE WHEN EXISTS (SELECT 1 FROM crm.acl a WHERE a.cust = cu AND a.forgotten)
                 THEN x || '{"detail": "", "erased": 1}'::jsonb ELSE x END
              || jsonb_build_object('device', dev),
            '{}', false, s);
  END IF;
  RETURN jsonb_build_object('r', 'ok');
END $$;

CREATE OR REPLACE FUNCTION crm.refusal(my_role text, my_staff text, k text, c text, x jsonb,
                            cu text, row_exists boolean) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a crm.acl%ROWTYPE;
  lvl int;
  base text := split_part(k, '.', 1);
BEGIN
  IF base IN ('staff', 'setting', 'reward', 'message_template') AND my_role <> 'manager' THEN
    RETURN 'only a manager may change staff, settings, rewards and message templates';
  END IF;
  IF k = 'customer_alias' AND my_role = 'receptionist' THEN
    RETURN 'a receptionist may not merge customers';
  END IF;
  IF k = 'points_entry' AND my_role = 'receptionist' AND c = '*'
     AND x->>'kind' IN ('bonus', 'adjust') THEN
    RETURN 'a receptionist may not give bonuses or adjust points';
  END IF;
  IF k = 'customer' AND c IN ('archived_at', '_del') AND my_role = 'receptionist' THEN
    RETURN 'a receptionist may not archive, restore or delete customers';
  END IF;
  IF cu IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT * INTO a FROM crm.acl WHERE cust = cu;
  IF FOUND AND a.forgotten AND (c = '*' OR c IN (
        'given_name', 'family_name', 'preferred_name', 'salutation', 'birthday',
        'life_situation', 'interests', 'needs', 'occupation', 'company',
        'preferred_channel', 'best_time', 'notes', 'owner_id', 'subject', 'outcome',
        'what', 'description', 'reason', 'reward', 'street', 'city', 'postcode',
        'file', 'data'))
     AND NOT (x IS NULL OR x = 'null'::jsonb OR x = '""'::jsonb OR x = 'true'::jsonb
              OR x = '"(forgotten)"'::jsonb OR x = '"(erased)"'::jsonb
              OR x = '"Forgotten"'::jsonb)
     AND NOT (c = '*' AND k NOT IN ('customer_email', 'customer_phone', 'customer_address',
                                   'customer_consent', 'customer_tag', 'customer.notes',
                                   'customer.standard', 'customer_photo',
                                   'suggestion_dismissal')) THEN
    RETURN 'forgotten';
  END IF;
  -- The author's level on the customer (as in access.py).
  IF my_role = 'manager' OR NOT FOUND THEN
    lvl := 3;
  ELSIF my_role = 'executive' THEN
    lvl := CASE WHEN a.owner = my_staff THEN 3 WHEN a.exclusive THEN 1
                WHEN a.owner IS NULL THEN 3 ELSE 2 END;
  ELSE
    lvl := CASE WHEN a.exclusive THEN 1 ELSE 2 END;
  END IF;
  IF lvl = 1 AND k IN ('customer.standard', 'customer.notes', 'customer_address',
                       'customer_tag') AND row_exists THEN
    RETURN 'this person sees the customer at contact level only';
  END IF;
  IF lvl = 2 AND k = 'customer.notes' AND a.private_notes THEN
    RETURN 'the notes are private: only the executive and managers may change them';
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION crm.put(k text, u text, c text, x jsonb, h text, q bigint, cu text,
                        dev text, my_role text, my_staff text, now_ms bigint,
                        nat jsonb DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r crm.rec%ROWTYPE;
  found_rec boolean;
  cur jsonb;
  why text;
  s bigint;
  mine boolean;
  fgt boolean;
  key text;
  sub jsonb;
  lost jsonb := '{}';
  shown jsonb;
BEGIN
  SELECT * INTO r FROM crm.rec WHERE kind = k AND uid = u FOR UPDATE;
  found_rec := FOUND;
  IF found_rec AND NOT r.deleted AND ((c = '*' AND r.data @> (x - '_del'))
                                      OR (c NOT IN ('*', '_del') AND r.data -> c = x)) THEN
    RETURN jsonb_build_object('r', 'ok');  -- what the hub holds already: nothing to judge
  END IF;
  IF found_rec AND r.cust IS NOT NULL THEN
    cu := r.cust;
  END IF;
  IF left(h, 13)::bigint > now_ms + 300000 THEN
    why := 'clock: stamped more than 5 minutes ahead of the hub''s clock';
  ELSE
    why := crm.refusal(my_role, my_staff, k, c, x, cu, found_rec);
  END IF;
  IF why IS NOT NULL THEN
    shown := CASE WHEN why = 'forgotten' THEN '"(withheld: the customer was forgotten)"'
                  ELSE x END;
    PERFORM crm.put_conflict(k, u, c, cu, CASE WHEN found_rec THEN
                               CASE WHEN c = '*' THEN r.data ELSE r.data -> c END END,
                             CASE WHEN found_rec THEN r.v -> c ->> 0 END,
                             CASE WHEN found_rec THEN r.v -> c ->> 2 END,
                             shown, h, dev, why);
    RETURN jsonb_build_object('r', 'refused', 'e', found_rec AND NOT r.deleted,
                              'w', CASE WHEN NOT found_rec THEN '{}'::jsonb
                                        WHEN c = '*' THEN r.data
                                        ELSE jsonb_build_object(c, r.data -> c) END,
                              'd', found_rec AND r.deleted);
  END IF;
  IF c = '*' THEN
    IF NOT found_rec AND nat IS NOT NULL AND EXISTS (
        SELECT 1 FROM crm.rec d WHERE d.kind = k AND d.cust = cu AND NOT d.deleted
        AND d.uid <> u AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements_text(nat) n
          WHERE d.data -> n.value IS DISTINCT FROM x -> n.value)) THEN
      -- The same address (number, tag...) added on another laptop too: one row. This
      -- one is kept as a removed duplicate; the device drops it and pulls the other.
      s := nextval('crm.change_seq');
      INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
      VALUES (k, u, cu, crm.kind_level(k), '{}',
              jsonb_build_object('_del', jsonb_build_array(h, s, dev)), true, s);
      RETURN jsonb_build_object('r', 'lost', 'w', jsonb_build_object('_del', true));
    END IF;
    IF NOT found_rec THEN
      s := nextval('crm.change_seq');
      INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
      VALUES (k, u, cu, crm.kind_level(k), x - '_del',
              (SELECT coalesce(jsonb_object_agg(e.key, jsonb_build_array(h, s, dev)),
                               '{}') FROM jsonb_each(x) e),
              false, s);
      PERFORM crm.after_put(k, u, cu, x);
      IF k = 'points_entry' AND coalesce((x ->> 'points')::bigint, 0) < 0 THEN
        PERFORM crm.check_overdraft(u, cu, h, dev);
      END IF;
      RETURN jsonb_build_object('r', 'ok');
    END IF;
    -- The same fact written elsewhere too (a deterministic uid), or a row coming back:
    -- field by field.
    FOR key, sub IN SELECT e.key, e.value FROM jsonb_each(x) e LOOP
      cur := crm.put(k, u, key, sub, h, q, cu, dev, my_role, my_staff, now_ms);
      IF cur->>'r' = 'lost' THEN
        lost := lost || (cur -> 'w');
      END IF;
    END LOOP;
    RETURN jsonb_build_object('r', CASE WHEN lost = '{}' THEN 'ok' ELSE 'lost' END,
                              'w', lost);
  END IF;
  cur := CASE WHEN found_rec THEN r.v -> c END;
  IF cur IS NOT NULL AND cur ->> 0 = h THEN
    RETURN jsonb_build_object('r', 'ok');  -- a retried push: already applied
  END IF;
  IF found_rec AND ((c = '_del' AND r.deleted = (x = 'true'::jsonb))
                    OR (c <> '_del' AND NOT r.deleted AND r.data -> c = x)) THEN
    RETURN jsonb_build_object('r', 'ok');  -- the same value: nothing to decide
  END IF;
  IF cur IS NULL OR cur ->> 2 = dev OR (cur ->> 1)::bigint <= q THEN
    mine := true;  -- nothing concurrent: the writer had seen the current version
  ELSE
    SELECT a.forgotten INTO fgt FROM crm.acl a WHERE a.cust = cu;
    mine := crm.wins(k, c, x, h, coalesce(r.data -> c, 'null'), cur ->> 0,
                     coalesce(fgt, false) AND k LIKE 'customer%');
    IF mine THEN
      PERFORM crm.put_conflict(k, u, c, cu, x, h, dev,
                               coalesce(r.data -> c, 'null'), cur ->> 0, cur ->> 2, '');
    ELSE
      PERFORM crm.put_conflict(k, u, c, cu, coalesce(r.data -> c, 'null'), cur ->> 0,
                               cur ->> 2, x, h, dev, '');
    END IF;
  END IF;
  IF NOT mine THEN
    RETURN jsonb_build_object(
      'r', 'lost', 'w', CASE WHEN c = '_del' THEN jsonb_build_object('_del', r.deleted)
                             ELSE jsonb_build_object(c, coalesce(r.data -> c, 'null')) END);
  END IF;
  s := nextval('crm.change_seq');
  IF found_rec THEN
    UPDATE crm.rec SET
      data = CASE WHEN c = '_del' THEN data ELSE jsonb_set(data, ARRAY[c], x) END,
      v = jsonb_set(v, ARRAY[c], jsonb_build_array(h, s, dev)),
      deleted = CASE WHEN c = '_del' THEN x = 'true'::jsonb ELSE deleted END,
      cust = CASE WHEN c = 'customer_id' THEN x #>> '{}' ELSE cust END,
      seq = s
    WHERE kind = k AND uid = u;
  ELSE
    INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
    VALUES (k, u, cu, crm.kind_level(k),
            CASE WHEN c = '_del' THEN '{}'::jsonb ELSE jsonb_build_object(c, x) END,
            jsonb_build_object(c, jsonb_build_array(h, s, dev)),
            c = '_del' AND x = 'true'::jsonb, s);
  END IF;
  PERFORM crm.after_put(k, u, cu, jsonb_build_object(c, x));
  RETURN jsonb_build_object('r', 'ok');
END $$;

CREATE OR REPLACE FUNCTION crm.after_put(k text, u text, cu text, x jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF k = 'customer' AND (x ? 'owner_id' OR x ? 'relationship_type' OR x ? 'given_name') THEN
    INSERT INTO crm.acl (cust) VALUES (u) ON CONFLICT DO NOTHING;
    UPDATE crm.acl SET
      owner = CASE WHEN x ? 'owner_id' THEN x ->> 'owner_id' ELSE owner END,
      exclusive = CASE WHEN x ? 'relationship_type'
                       THEN x ->> 'relationship_type' = 'exclusive' ELSE exclusive END,
      forgotten = forgotten OR coalesce(x ->> 'given_name' = 'Forgotten', false)
    WHERE cust = u;
    IF x ->> 'given_name' = 'Forgotten' THEN
      -- what the audit trail says of a forgotten person goes too (its digest stays, so
      -- every device's chain still verifies)
      UPDATE crm.rec SET data = data || '{"detail": "", "erased": 1}'::jsonb
      WHERE kind = 'audit_entry' AND cust = u AND data ->> 'detail' <> '';
    END IF;
  ELSIF k = 'customer.standard' AND x ? 'notes_private' THEN
    INSERT INTO crm.acl (cust) VALUES (u) ON CONFLICT DO NOTHING;
    UPDATE crm.acl SET private_notes = coalesce((x ->> 'notes_private')::int, 0) <> 0
    WHERE cust = u;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION crm.push(p_proto int, p_device text, p_items jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off AS $$
DECLARE
  who crm.login%ROWTYPE;
  it jsonb;
  res jsonb[] := '{}';
  now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  before bigint;
BEGIN
  IF p_proto IS NULL OR p_proto < 1 OR p_proto > (SELECT value::int FROM crm.meta
                                                  WHERE key = 'protocol') THEN
    RAISE EXCEPTION 'crmdesk: this hub does not know protocol %: upgrade the hub', p_proto;
  END IF;
  SELECT * INTO who FROM crm.login WHERE rolname = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'crmdesk: % is not enrolled on this hub', session_user;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM crm.device d WHERE d.uid = p_device
                 AND d.rolname = session_user) THEN
    RAISE EXCEPTION 'crmdesk: this device is not registered for %', session_user;
  END IF;
  PERFORM pg_advisory_xact_lock(727274);
  before := (SELECT last_value FROM crm.change_seq);
  FOR it IN SELECT e.value FROM jsonb_array_elements(p_items) e LOOP
    IF it ->> 'k' = 'audit_entry' THEN
      res := res || crm.put_audit(it ->> 'u', it -> 'x', it ->> 'cu', p_device);
      CONTINUE;
    END IF;
    res := res || crm.put(it ->> 'k', it ->> 'u', it ->> 'c', it -> 'x', it ->> 'h',
                          coalesce((it ->> 'q')::bigint, 0), it ->> 'cu', p_device,
                          who.role, who.staff_uid, now_ms, it -> 'n');
  END LOOP;
  UPDATE crm.device SET last_push = now() WHERE uid = p_device;
  IF (SELECT last_value FROM crm.change_seq) <> before THEN
    PERFORM pg_notify('crm_changes', (SELECT last_value FROM crm.change_seq)::text);
  END IF;
  RETURN jsonb_build_object('results', to_jsonb(res), 'now', now_ms);
END $$;

REVOKE ALL ON FUNCTION crm.put_audit(text, jsonb, text, text) FROM PUBLIC;
RESET ROLE;
"""

_V3 = r"""
SET LOCAL ROLE crm_owner;
-- v3: merges of duplicates. A customer_alias record (old -> kept) makes the hub redirect
-- whatever is written to the merged-away customer afterwards (offline edits, new
-- interactions, e-mails...) to the customer it was merged into, so that nothing is lost
-- and the merged-away customer never comes back.
CREATE INDEX rec_alias ON crm.rec (cust) WHERE kind = 'customer_alias' AND NOT deleted;

-- The customer a merged-away one now is (following merges of merges); NULL: not merged.
CREATE FUNCTION crm.alias_target(u text) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  cur text := u;
  nxt text;
  hops int := 0;
BEGIN
  IF u IS NULL THEN
    RETURN NULL;
  END IF;
  LOOP
    SELECT r.data ->> 'new_id' INTO nxt FROM crm.rec r
    WHERE r.kind = 'customer_alias' AND r.cust = cur AND NOT r.deleted LIMIT 1;
    EXIT WHEN nxt IS NULL OR nxt = u OR hops > 20;
    cur := nxt;
    hops := hops + 1;
  END LOOP;
  RETURN CASE WHEN cur = u THEN NULL ELSE cur END;
END $$;

-- What makes two rows of one customer the same thing (as sync_spec's `natural`).
CREATE FUNCTION crm.natural_keys(k text) RETURNS text[] LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog AS $$
  SELECT CASE k
    WHEN 'customer_email' THEN ARRAY['address_key']
    WHEN 'customer_phone' THEN ARRAY['e164']
    WHEN 'customer_consent' THEN ARRAY['channel']
    WHEN 'customer_address' THEN ARRAY['street', 'city', 'postcode', 'country']
    WHEN 'customer_tag' THEN ARRAY['tag']
    WHEN 'suggestion_dismissal' THEN ARRAY['kind']
    WHEN 'customer_photo' THEN ARRAY[]::text[]
    END
$$;

-- A merge reached the hub: the rows the merged-away customer still has here (written by
-- others before the merge arrived) move to the kept one; one the kept customer already
-- has (the same e-mail, tag...) is removed instead. Other customers' organisation follows.
CREATE FUNCTION crm.move_to_survivor(old text, new text, h text, dev text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r crm.rec%ROWTYPE;
  s bigint;
  nat text[];
BEGIN
  FOR r IN SELECT * FROM crm.rec WHERE cust = old AND NOT deleted AND kind NOT IN (
      'customer', 'customer.standard', 'customer.notes', 'customer_alias', 'sync_conflict',
      'audit_entry') ORDER BY seq LOOP
    s := nextval('crm.change_seq');
    IF r.kind = 'message_log' THEN
      UPDATE crm.rec SET cust = new WHERE kind = r.kind AND uid = r.uid;
      CONTINUE;
    END IF;
    nat := crm.natural_keys(r.kind);
    IF nat IS NOT NULL AND EXISTS (
        SELECT 1 FROM crm.rec d WHERE d.kind = r.kind AND d.cust = new AND NOT d.deleted
        AND NOT EXISTS (SELECT 1 FROM unnest(nat) n
                        WHERE d.data -> n IS DISTINCT FROM r.data -> n)) THEN
      UPDATE crm.rec SET deleted = true, seq = s,
        v = jsonb_set(v, '{_del}', jsonb_build_array(h, s, dev))
      WHERE kind = r.kind AND uid = r.uid;
    ELSE
      UPDATE crm.rec SET cust = new, seq = s,
        data = jsonb_set(data, '{customer_id}', to_jsonb(new)),
        v = jsonb_set(v, '{customer_id}', jsonb_build_array(h, s, dev))
      WHERE kind = r.kind AND uid = r.uid;
    END IF;
  END LOOP;
  FOR r IN SELECT * FROM crm.rec WHERE kind = 'customer.standard' AND NOT deleted
      AND data ->> 'organisation_id' = old LOOP
    s := nextval('crm.change_seq');
    UPDATE crm.rec SET seq = s,
      data = jsonb_set(data, '{organisation_id}', to_jsonb(new)),
      v = jsonb_set(v, '{organisation_id}', jsonb_build_array(h, s, dev))
    WHERE kind = r.kind AND uid = r.uid;
  END LOOP;
END $$;

-- One pushed item, redirected where it names a merged-away customer; then crm.put.
CREATE FUNCTION crm.redirected(it jsonb, dev text, my_role text, my_staff text,
                               now_ms bigint) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  k text := it ->> 'k';
  u text := it ->> 'u';
  c text := it ->> 'c';
  x jsonb := it -> 'x';
  h text := it ->> 'h';
  q bigint := coalesce((it ->> 'q')::bigint, 0);
  cu text := it ->> 'cu';
  target text;
  res jsonb;
  cur jsonb;
BEGIN
  IF k = 'customer_alias' AND c = '*' THEN
    target := coalesce(crm.alias_target(x ->> 'new_id'), x ->> 'new_id');
    IF target = x ->> 'old_id' OR EXISTS (
        SELECT 1 FROM crm.rec r WHERE r.kind = 'customer_alias' AND r.cust = x ->> 'old_id'
        AND NOT r.deleted AND r.uid <> u) THEN
      -- Two opposite merges made offline: the one that reached the hub first stands.
      PERFORM crm.put_conflict(k, u, c, x ->> 'old_id', NULL, NULL, NULL, x, h, dev,
                               'merge: these customers were already merged the other way '
                               || '(or this one into a third): this merge was not applied');
      RETURN jsonb_build_object('r', 'refused', 'e', false, 'w', '{}'::jsonb, 'd', false);
    END IF;
    x := jsonb_set(x, '{new_id}', to_jsonb(target));
    res := crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
    IF res ->> 'r' = 'ok' THEN
      PERFORM crm.move_to_survivor(x ->> 'old_id', target, h, dev);
      -- (aliases of aliases follow: a merge into the merged-away one points further)
      UPDATE crm.rec SET data = jsonb_set(data, '{new_id}', to_jsonb(target)),
        seq = nextval('crm.change_seq'),
        v = jsonb_set(v, '{new_id}', jsonb_build_array(h, currval('crm.change_seq'), dev))
      WHERE kind = 'customer_alias' AND NOT deleted AND data ->> 'new_id' = x ->> 'old_id';
    END IF;
    RETURN res;
  END IF;
  IF k IN ('customer', 'customer.standard', 'customer.notes') AND c <> '*' THEN
    target := crm.alias_target(u);
    IF target IS NOT NULL THEN
      IF c = 'archived_at' AND (x IS NULL OR x = 'null'::jsonb) THEN
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        PERFORM crm.put_conflict(k, u, c, u, cur, NULL, NULL, x, h, dev,
                                 'merged into another customer: restore that one instead');
        RETURN jsonb_build_object('r', 'refused', 'e', true,
                                  'w', jsonb_build_object(c, coalesce(cur, 'null')),
                                  'd', false);
      END IF;
      IF c NOT IN ('archived_at', '_del', 'sort_name', 'updated_at', 'stage_since',
                   'created_at') THEN
        -- The edit lands on the kept customer (judged against its version of the field);
        -- the merged-away one keeps what it had.
        PERFORM crm.put(k, target, c, x, h, q, target, dev, my_role, my_staff, now_ms);
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        RETURN jsonb_build_object('r', 'lost', 'w',
                                  jsonb_build_object(c, coalesce(cur, 'null')));
      END IF;
    END IF;
    IF c = 'organisation_id' AND x IS NOT NULL AND jsonb_typeof(x) = 'string' THEN
      target := crm.alias_target(x #>> '{}');
      IF target IS NOT NULL THEN
        x := to_jsonb(target);
      END IF;
    END IF;
  ELSIF c = '*' AND x ? 'customer_id' AND jsonb_typeof(x -> 'customer_id') = 'string' THEN
    target := crm.alias_target(x ->> 'customer_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{customer_id}', to_jsonb(target));
      cu := target;
    END IF;
  ELSIF c = '*' AND k = 'customer.standard' AND jsonb_typeof(x -> 'organisation_id') = 'string'
  THEN
    target := crm.alias_target(x ->> 'organisation_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{organisation_id}', to_jsonb(target));
    END IF;
  ELSIF c = 'customer_id' AND jsonb_typeof(x) = 'string' THEN
    target := crm.alias_target(x #>> '{}');
    IF target IS NOT NULL THEN
      x := to_jsonb(target);
      cu := target;
    END IF;
  END IF;
  RETURN crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
END $$;

CREATE OR REPLACE FUNCTION crm.push(p_proto int, p_device text, p_items jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off AS $$
DECLARE
  who crm.login%ROWTYPE;
  it jsonb;
  res jsonb[] := '{}';
  now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  before bigint;
BEGIN
  IF p_proto IS NULL OR p_proto < 1 OR p_proto > (SELECT value::int FROM crm.meta
                                                  WHERE key = 'protocol') THEN
    RAISE EXCEPTION 'crmdesk: this hub does not know protocol %: upgrade the hub', p_proto;
  END IF;
  SELECT * INTO who FROM crm.login WHERE rolname = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'crmdesk: % is not enrolled on this hub', session_user;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM crm.device d WHERE d.uid = p_device
                 AND d.rolname = session_user) THEN
    RAISE EXCEPTION 'crmdesk: this device is not registered for %', session_user;
  END IF;
  PERFORM pg_advisory_xact_lock(727274);
  before := (SELECT last_value FROM crm.change_seq);
  FOR it IN SELECT e.value FROM jsonb_array_elements(p_items) e LOOP
    IF it ->> 'k' = 'audit_entry' THEN
      res := res || crm.put_audit(it ->> 'u', it -> 'x', it ->> 'cu', p_device);
      CONTINUE;
    END IF;
    -- A merged-away customer: what is written to it lands on the customer it was merged
    -- into (crm.redirected), on every replica.
    res := res || crm.redirected(it, p_device, who.role, who.staff_uid, now_ms);
  END LOOP;
  UPDATE crm.device SET last_push = now() WHERE uid = p_device;
  IF (SELECT last_value FROM crm.change_seq) <> before THEN
    PERFORM pg_notify('crm_changes', (SELECT last_value FROM crm.change_seq)::text);
  END IF;
  RETURN jsonb_build_object('results', to_jsonb(res), 'now', now_ms);
END $$;

REVOKE ALL ON FUNCTION crm.alias_target(text), crm.natural_keys(text),
  crm.move_to_survivor(text, text, text, text),
  crm.redirected(jsonb, text, text, text, bigint) FROM PUBLIC;
RESET ROLE;
"""

_V4 = r"""
SET LOCAL ROLE crm_owner;
-- v4: a revoked login (a lost laptop, a leaver) is remembered; its role cannot log in.
ALTER TABLE crm.login ADD COLUMN revoked_at timestamptz;
RESET ROLE;
"""

_V5 = r"""
SET LOCAL ROLE crm_owner;
-- v5: one photo per customer. A photo pushed for a customer who already has another one
-- (a merged-away customer's photo, redirected or moved by a merge) is refused into conflicts
-- instead of landing as a second one (a second photo broke every replica's pull).
CREATE OR REPLACE FUNCTION crm.redirected(it jsonb, dev text, my_role text, my_staff text,
                               now_ms bigint) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  k text := it ->> 'k';
  u text := it ->> 'u';
  c text := it ->> 'c';
  x jsonb := it -> 'x';
  h text := it ->> 'h';
  q bigint := coalesce((it ->> 'q')::bigint, 0);
  cu text := it ->> 'cu';
  target text;
  res jsonb;
  cur jsonb;
BEGIN
  IF k = 'customer_alias' AND c = '*' THEN
    target := coalesce(crm.alias_target(x ->> 'new_id'), x ->> 'new_id');
    IF target = x ->> 'old_id' OR EXISTS (
        SELECT 1 FROM crm.rec r WHERE r.kind = 'customer_alias' AND r.cust = x ->> 'old_id'
        AND NOT r.deleted AND r.uid <> u) THEN
      -- Two opposite merges made offline: the one that reached the hub first stands.
      PERFORM crm.put_conflict(k, u, c, x ->> 'old_id', NULL, NULL, NULL, x, h, dev,
                               'merge: these customers were already merged the other way '
                               || '(or this one into a third): this merge was not applied');
      RETURN jsonb_build_object('r', 'refused', 'e', false, 'w', '{}'::jsonb, 'd', false);
    END IF;
    x := jsonb_set(x, '{new_id}', to_jsonb(target));
    res := crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
    IF res ->> 'r' = 'ok' THEN
      PERFORM crm.move_to_survivor(x ->> 'old_id', target, h, dev);
      -- (aliases of aliases follow: a merge into the merged-away one points further)
      UPDATE crm.rec SET data = jsonb_set(data, '{new_id}', to_jsonb(target)),
        seq = nextval('crm.change_seq'),
        v = jsonb_set(v, '{new_id}', jsonb_build_array(h, currval('crm.change_seq'), dev))
      WHERE kind = 'customer_alias' AND NOT deleted AND data ->> 'new_id' = x ->> 'old_id';
    END IF;
    RETURN res;
  END IF;
  IF k IN ('customer', 'customer.standard', 'customer.notes') AND c <> '*' THEN
    target := crm.alias_target(u);
    IF target IS NOT NULL THEN
      IF c = 'archived_at' AND (x IS NULL OR x = 'null'::jsonb) THEN
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        PERFORM crm.put_conflict(k, u, c, u, cur, NULL, NULL, x, h, dev,
                                 'merged into another customer: restore that one instead');
        RETURN jsonb_build_object('r', 'refused', 'e', true,
                                  'w', jsonb_build_object(c, coalesce(cur, 'null')),
                                  'd', false);
      END IF;
      IF c NOT IN ('archived_at', '_del', 'sort_name', 'updated_at', 'stage_since',
                   'created_at') THEN
        -- The edit lands on the kept customer (judged against its version of the field);
        -- the merged-away one keeps what it had.
        PERFORM crm.put(k, target, c, x, h, q, target, dev, my_role, my_staff, now_ms);
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        RETURN jsonb_build_object('r', 'lost', 'w',
                                  jsonb_build_object(c, coalesce(cur, 'null')));
      END IF;
    END IF;
    IF c = 'organisation_id' AND x IS NOT NULL AND jsonb_typeof(x) = 'string' THEN
      target := crm.alias_target(x #>> '{}');
      IF target IS NOT NULL THEN
        x := to_jsonb(target);
      END IF;
    END IF;
  ELSIF c = '*' AND x ? 'customer_id' AND jsonb_typeof(x -> 'customer_id') = 'string' THEN
    target := crm.alias_target(x ->> 'customer_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{customer_id}', to_jsonb(target));
      cu := target;
    END IF;
  ELSIF c = '*' AND k = 'customer.standard' AND jsonb_typeof(x -> 'organisation_id') = 'string'
  THEN
    target := crm.alias_target(x ->> 'organisation_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{organisation_id}', to_jsonb(target));
    END IF;
  ELSIF c = 'customer_id' AND jsonb_typeof(x) = 'string' THEN
    target := crm.alias_target(x #>> '{}');
    IF target IS NOT NULL THEN
      x := to_jsonb(target);
      cu := target;
    END IF;
  END IF;
  -- One photo per customer: a new photo row for a customer who already has another (the
  -- merged-away customer's, redirected or moved here by a merge) cannot land beside it. The
  -- one there stays; this one is refused into conflicts, never silently dropped.
  IF k = 'customer_photo' AND c = '*' AND jsonb_typeof(x -> 'customer_id') = 'string'
      AND NOT EXISTS (SELECT 1 FROM crm.rec r WHERE r.kind = k AND r.uid = u)
      AND EXISTS (SELECT 1 FROM crm.rec d WHERE d.kind = k AND d.cust = x ->> 'customer_id'
                  AND NOT d.deleted AND d.uid <> u) THEN
    PERFORM crm.put_conflict(k, u, c, x ->> 'customer_id', NULL, NULL, NULL, x, h, dev,
                             'this customer already has a photo (merged from a duplicate): '
                             || 'that one was kept');
    RETURN jsonb_build_object('r', 'refused', 'e', false, 'w', '{}'::jsonb, 'd', false);
  END IF;
  RETURN crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
END $$;
RESET ROLE;
"""

_V6 = r"""
SET LOCAL ROLE crm_owner;

-- v6 (access): who may see what changes (a client made exclusive, notes marked private, an
-- owner changed). Every change of a customer's access is numbered from the change sequence
-- (crm.acl.seq) and kept in crm.acl_hist: a laptop asks which customers' access changed
-- since its cursor and takes their rows again as it may now see them (what it may no
-- longer see goes, what it may now see comes); an offline write is judged by the access its
-- author had when making it.
ALTER TABLE crm.acl ADD COLUMN seq bigint NOT NULL DEFAULT 0,
  ADD COLUMN born bigint NOT NULL DEFAULT 0;
CREATE TABLE crm.acl_hist (
    cust text NOT NULL, seq bigint NOT NULL, owner text, exclusive boolean NOT NULL,
    private_notes boolean NOT NULL, PRIMARY KEY (cust, seq));
ALTER TABLE crm.acl_hist ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.acl_hist FORCE ROW LEVEL SECURITY;
CREATE POLICY acl_hist_owner ON crm.acl_hist TO crm_owner USING (true) WITH CHECK (true);
INSERT INTO crm.acl_hist SELECT cust, 0, owner, exclusive, private_notes FROM crm.acl;
CREATE INDEX acl_seq ON crm.acl (seq);

-- (A customer new in this transaction is no change of access: its rows reach each laptop
-- by the ordinary pull, as that person may see them.)
CREATE FUNCTION crm.acl_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s bigint;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.owner IS NOT DISTINCT FROM OLD.owner
     AND NEW.exclusive = OLD.exclusive AND NEW.private_notes = OLD.private_notes THEN
    RETURN NEW;
  END IF;
  s := nextval('crm.change_seq');
  INSERT INTO crm.acl_hist (cust, seq, owner, exclusive, private_notes)
  VALUES (NEW.cust, s, NEW.owner, NEW.exclusive, NEW.private_notes)
  ON CONFLICT DO NOTHING;
  IF TG_OP = 'INSERT' THEN
    NEW.born := txid_current();
  ELSIF OLD.born <> txid_current() THEN
    NEW.seq := s;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER acl_changed BEFORE INSERT OR UPDATE ON crm.acl
  FOR EACH ROW EXECUTE FUNCTION crm.acl_changed();

-- The level rules of services/access.py for one state of a customer's access.
CREATE FUNCTION crm.level_refusal(my_role text, my_staff text, k text, a_owner text,
                                  a_exclusive boolean, a_private boolean,
                                  row_exists boolean) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
DECLARE
  lvl int;
BEGIN
  IF my_role = 'manager' THEN
    RETURN NULL;
  ELSIF my_role = 'executive' THEN
    lvl := CASE WHEN a_owner = my_staff THEN 3 WHEN a_exclusive THEN 1
                WHEN a_owner IS NULL THEN 3 ELSE 2 END;
  ELSE
    lvl := CASE WHEN a_exclusive THEN 1 ELSE 2 END;
  END IF;
  IF lvl = 1 AND k IN ('customer.standard', 'customer.notes', 'customer_address',
                       'customer_tag') AND row_exists THEN
    RETURN 'this person sees the customer at contact level only';
  END IF;
  IF lvl = 2 AND k = 'customer.notes' AND a_private THEN
    RETURN 'the notes are private: only the executive and managers may change them';
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION crm.refusal(my_role text, my_staff text, k text, c text, x jsonb,
                            cu text, row_exists boolean) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  a crm.acl%ROWTYPE;
  hist crm.acl_hist%ROWTYPE;
  why text;
  base text := split_part(k, '.', 1);
BEGIN
  IF base IN ('staff', 'setting', 'reward', 'message_template') AND my_role <> 'manager' THEN
    RETURN 'only a manager may change staff, settings, rewards and message templates';
  END IF;
  IF k = 'customer_alias' AND my_role = 'receptionist' THEN
    RETURN 'a receptionist may not merge customers';
  END IF;
  IF k = 'points_entry' AND my_role = 'receptionist' AND c = '*'
     AND x->>'kind' IN ('bonus', 'adjust') THEN
    RETURN 'a receptionist may not give bonuses or adjust points';
  END IF;
  IF k = 'customer' AND c IN ('archived_at', '_del') AND my_role = 'receptionist' THEN
    RETURN 'a receptionist may not archive, restore or delete customers';
  END IF;
  IF cu IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT * INTO a FROM crm.acl WHERE cust = cu;
  IF FOUND AND a.forgotten AND (c = '*' OR c IN (
        'given_name', 'family_name', 'preferred_name', 'salutation', 'birthday',
        'life_situation', 'interests', 'needs', 'occupation', 'company',
        'preferred_channel', 'best_time', 'notes', 'owner_id', 'subject', 'outcome',
        'what', 'description', 'reason', 'reward', 'street', 'city', 'postcode',
        'file', 'data'))
     AND NOT (x IS NULL OR x = 'null'::jsonb OR x = '""'::jsonb OR x = 'true'::jsonb
              OR x = '"(forgotten)"'::jsonb OR x = '"(erased)"'::jsonb
              OR x = '"Forgotten"'::jsonb)
     AND NOT (c = '*' AND k NOT IN ('customer_email', 'customer_phone', 'customer_address',
                                   'customer_consent', 'customer_tag', 'customer.notes',
                                   'customer.standard', 'customer_photo',
                                   'suggestion_dismissal')) THEN
    RETURN 'forgotten';
  END IF;
  IF NOT FOUND OR my_role = 'manager' THEN
    RETURN NULL;
  END IF;
  why := crm.level_refusal(my_role, my_staff, k, a.owner, a.exclusive, a.private_notes,
                           row_exists);
  IF why IS NOT NULL THEN
    -- Judged by the access the author had when making it: what their laptop had pulled
    -- (the write's cursor). Access that shrank since does not refuse it; a write beyond
    -- what they ever had is refused.
    SELECT * INTO hist FROM crm.acl_hist h WHERE h.cust = cu
      AND h.seq <= coalesce(nullif(current_setting('crm.write_cursor', true), ''), '0')::bigint
      ORDER BY h.seq DESC LIMIT 1;
    IF FOUND AND crm.level_refusal(my_role, my_staff, k, hist.owner, hist.exclusive,
                                   hist.private_notes, row_exists) IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  RETURN why;
END $$;

-- The customers whose access changed after a cursor (acl is readable by every staff login).
CREATE FUNCTION crm.access_changes(after bigint) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog AS $$
  SELECT a.cust FROM crm.acl a WHERE a.seq > after ORDER BY a.seq
$$;

-- Every record of some customers the caller may see now (RLS applied): what a laptop
-- keeps of them after their access changed.
CREATE FUNCTION crm.customer_rows(custs text[])
RETURNS TABLE (seq bigint, kind text, uid text, cust text, data jsonb, v jsonb,
               deleted boolean)
LANGUAGE plpgsql STABLE SECURITY INVOKER SET jit = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT r.seq, r.kind, r.uid, r.cust, r.data, r.v, r.deleted FROM crm.rec r '
    'WHERE r.cust = ANY($1) AND r.kind NOT IN (''audit_entry'') ORDER BY r.seq' USING custs;
END $$;
GRANT EXECUTE ON FUNCTION crm.access_changes(bigint), crm.customer_rows(text[]) TO crm_staff;

-- The office's audit trail, every device's chain, for managers only (no laptop pulls it).
CREATE FUNCTION crm.audit_trail()
RETURNS TABLE (device text, device_name text, login text, data jsonb)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF crm.my_role() IS DISTINCT FROM 'manager' THEN
    RAISE EXCEPTION 'crmdesk: only a manager may read the office''s audit trail';
  END IF;
  RETURN QUERY SELECT r.data ->> 'device', d.name, d.rolname::text, r.data
    FROM crm.rec r LEFT JOIN crm.device d ON d.uid = r.data ->> 'device'
    WHERE r.kind = 'audit_entry'
    ORDER BY r.data ->> 'device', (r.data ->> 'seq')::bigint;
END $$;
REVOKE ALL ON FUNCTION crm.audit_trail() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm.audit_trail() TO crm_staff;
-- v6: an organisation works for no one, and no client works for themselves. Field-by-field
-- merging can break that where no single save could: a laptop makes a client an organisation
-- while another makes it a contact person of someone, or a merge turns "works for the
-- duplicate" into "works for themselves". After each push the customers it touched are
-- settled: the "works for" is cleared and the cleared value kept in conflicts for review.
CREATE FUNCTION crm.settle_organisation(u text, dev text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  std crm.rec%ROWTYPE;
  kind_now text;
  kind_h text;
  oid text;
  s bigint;
BEGIN
  SELECT * INTO std FROM crm.rec WHERE kind = 'customer.standard' AND uid = u
    AND NOT deleted FOR UPDATE;
  oid := CASE WHEN FOUND THEN std.data ->> 'organisation_id' END;
  IF oid IS NULL THEN
    RETURN;
  END IF;
  SELECT r.data ->> 'kind', r.v -> 'kind' ->> 0 INTO kind_now, kind_h FROM crm.rec r
  WHERE r.kind = 'customer' AND r.uid = u;
  IF oid <> u AND kind_now IS DISTINCT FROM 'organisation' THEN
    RETURN;
  END IF;
  s := nextval('crm.change_seq');
  UPDATE crm.rec SET seq = s,
    data = jsonb_set(data, '{organisation_id}', 'null'::jsonb),
    v = jsonb_set(v, '{organisation_id}', jsonb_build_array(
      greatest(coalesce(kind_h, ''), coalesce(std.v -> 'organisation_id' ->> 0, '')), s, dev))
  WHERE kind = 'customer.standard' AND uid = u;
  PERFORM crm.put_conflict('customer.standard', u, 'organisation_id', u, 'null'::jsonb,
                           kind_h, dev, to_jsonb(oid), std.v -> 'organisation_id' ->> 0,
                           std.v -> 'organisation_id' ->> 2,
                           CASE WHEN oid = u
                             THEN 'this client was merged with the organisation they worked '
                                  || 'for: a client cannot work for themselves'
                             ELSE 'this client is an organisation now: an organisation works '
                                  || 'for no one' END);
END $$;

-- A field written to a merged-away customer loses to a later value of the kept one.
CREATE OR REPLACE FUNCTION crm.redirected(it jsonb, dev text, my_role text, my_staff text,
                               now_ms bigint) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  k text := it ->> 'k';
  u text := it ->> 'u';
  c text := it ->> 'c';
  x jsonb := it -> 'x';
  h text := it ->> 'h';
  q bigint := coalesce((it ->> 'q')::bigint, 0);
  cu text := it ->> 'cu';
  target text;
  res jsonb;
  cur jsonb;
  stamp jsonb;
BEGIN
  IF k = 'customer_alias' AND c = '*' THEN
    target := coalesce(crm.alias_target(x ->> 'new_id'), x ->> 'new_id');
    IF target = x ->> 'old_id' OR EXISTS (
        SELECT 1 FROM crm.rec r WHERE r.kind = 'customer_alias' AND r.cust = x ->> 'old_id'
        AND NOT r.deleted AND r.uid <> u) THEN
      -- Two opposite merges made offline: the one that reached the hub first stands.
      PERFORM crm.put_conflict(k, u, c, x ->> 'old_id', NULL, NULL, NULL, x, h, dev,
                               'merge: these customers were already merged the other way '
                               || '(or this one into a third): this merge was not applied');
      RETURN jsonb_build_object('r', 'refused', 'e', false, 'w', '{}'::jsonb, 'd', false);
    END IF;
    x := jsonb_set(x, '{new_id}', to_jsonb(target));
    res := crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
    IF res ->> 'r' = 'ok' THEN
      PERFORM crm.move_to_survivor(x ->> 'old_id', target, h, dev);
      -- (aliases of aliases follow: a merge into the merged-away one points further)
      UPDATE crm.rec SET data = jsonb_set(data, '{new_id}', to_jsonb(target)),
        seq = nextval('crm.change_seq'),
        v = jsonb_set(v, '{new_id}', jsonb_build_array(h, currval('crm.change_seq'), dev))
      WHERE kind = 'customer_alias' AND NOT deleted AND data ->> 'new_id' = x ->> 'old_id';
    END IF;
    RETURN res;
  END IF;
  IF k IN ('customer', 'customer.standard', 'customer.notes') AND c <> '*' THEN
    target := crm.alias_target(u);
    IF target IS NOT NULL THEN
      IF c = 'archived_at' AND (x IS NULL OR x = 'null'::jsonb) THEN
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        PERFORM crm.put_conflict(k, u, c, u, cur, NULL, NULL, x, h, dev,
                                 'merged into another customer: restore that one instead');
        RETURN jsonb_build_object('r', 'refused', 'e', true,
                                  'w', jsonb_build_object(c, coalesce(cur, 'null')),
                                  'd', false);
      END IF;
      IF c NOT IN ('archived_at', '_del', 'sort_name', 'updated_at', 'stage_since',
                   'created_at') THEN
        -- The edit lands on the kept customer (judged against its version of the field);
        -- the merged-away one keeps what it had. It was written to another row: what the
        -- kept customer holds that is later (even from this same laptop) stays, and the
        -- redirected value is kept in conflicts.
        SELECT r.v -> c, r.data -> c INTO stamp, cur FROM crm.rec r
        WHERE r.kind = k AND r.uid = target;
        IF stamp IS NOT NULL AND stamp ->> 0 > h THEN
          IF cur IS DISTINCT FROM x THEN
            PERFORM crm.put_conflict(k, target, c, target, coalesce(cur, 'null'),
                                     stamp ->> 0, stamp ->> 2, x, h, dev, '');
          END IF;
        ELSE
          PERFORM crm.put(k, target, c, x, h, q, target, dev, my_role, my_staff, now_ms);
        END IF;
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        RETURN jsonb_build_object('r', 'lost', 'w',
                                  jsonb_build_object(c, coalesce(cur, 'null')));
      END IF;
    END IF;
    IF c = 'organisation_id' AND x IS NOT NULL AND jsonb_typeof(x) = 'string' THEN
      target := crm.alias_target(x #>> '{}');
      IF target IS NOT NULL THEN
        x := to_jsonb(target);
      END IF;
    END IF;
  ELSIF c = '*' AND x ? 'customer_id' AND jsonb_typeof(x -> 'customer_id') = 'string' THEN
    target := crm.alias_target(x ->> 'customer_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{customer_id}', to_jsonb(target));
      cu := target;
    END IF;
  ELSIF c = '*' AND k = 'customer.standard' AND jsonb_typeof(x -> 'organisation_id') = 'string'
  THEN
    target := crm.alias_target(x ->> 'organisation_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{organisation_id}', to_jsonb(target));
    END IF;
  ELSIF c = 'customer_id' AND jsonb_typeof(x) = 'string' THEN
    target := crm.alias_target(x #>> '{}');
    IF target IS NOT NULL THEN
      x := to_jsonb(target);
      cu := target;
    END IF;
  END IF;
  -- One photo per customer: a new photo row for a customer who already has another (the
  -- merged-away customer's, redirected or moved here by a merge) cannot land beside it. The
  -- one there stays; this one is refused into conflicts, never silently dropped.
  IF k = 'customer_photo' AND c = '*' AND jsonb_typeof(x -> 'customer_id') = 'string'
      AND NOT EXISTS (SELECT 1 FROM crm.rec r WHERE r.kind = k AND r.uid = u)
      AND EXISTS (SELECT 1 FROM crm.rec d WHERE d.kind = k AND d.cust = x ->> 'customer_id'
                  AND NOT d.deleted AND d.uid <> u) THEN
    PERFORM crm.put_conflict(k, u, c, x ->> 'customer_id', NULL, NULL, NULL, x, h, dev,
                             'this customer already has a photo (merged from a duplicate): '
                             || 'that one was kept');
    RETURN jsonb_build_object('r', 'refused', 'e', false, 'w', '{}'::jsonb, 'd', false);
  END IF;
  IF c NOT IN ('*', '_del') THEN
    -- This laptop wrote the field later already (through a merged-away customer, whose
    -- writes land here): the later value stays, this one is kept in conflicts. (A push
    -- retried after a lost answer has the very same stamp, and is simply taken again.)
    SELECT r.v -> c, r.data -> c INTO stamp, cur FROM crm.rec r
    WHERE r.kind = k AND r.uid = u AND NOT r.deleted;
    IF stamp IS NOT NULL AND stamp ->> 2 = dev AND stamp ->> 0 > h THEN
      IF cur IS DISTINCT FROM x THEN
        PERFORM crm.put_conflict(k, u, c, cu, coalesce(cur, 'null'), stamp ->> 0, dev, x,
                                 h, dev, '');
      END IF;
      RETURN jsonb_build_object('r', 'lost', 'w', jsonb_build_object(c, coalesce(cur, 'null')));
    END IF;
  END IF;
  res := crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
  IF res ->> 'r' = 'refused' AND my_role <> 'manager' AND EXISTS (
      SELECT 1 FROM crm.acl a WHERE a.cust = coalesce(cu, u) AND crm.level_refusal(
        my_role, my_staff, k, a.owner, a.exclusive, a.private_notes, true) IS NOT NULL) THEN
    -- A refusal never tells what the author may not see: no value comes back (the laptop
    -- takes that customer's rows again, as its person may see them).
    RETURN jsonb_set(res, '{w}', '{}'::jsonb);
  END IF;
  IF c = '_del' AND res ->> 'r' IN ('refused', 'lost') THEN
    -- A removal the hub did not take: the row stays, and the laptop takes it back whole
    -- (the answer names every field, not only "not removed").
    SELECT r.data INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u AND NOT r.deleted;
    IF FOUND THEN
      res := jsonb_set(res, '{w}', cur || '{"_del": false}'::jsonb);
    END IF;
  END IF;
  RETURN res;
END $$;

CREATE OR REPLACE FUNCTION crm.push(p_proto int, p_device text, p_items jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET jit = off AS $$
DECLARE
  who crm.login%ROWTYPE;
  it jsonb;
  res jsonb[] := '{}';
  now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  before bigint;
  touched text[] := '{}';
  one text;
BEGIN
  IF p_proto IS NULL OR p_proto < 1 OR p_proto > (SELECT value::int FROM crm.meta
                                                  WHERE key = 'protocol') THEN
    RAISE EXCEPTION 'crmdesk: this hub does not know protocol %: upgrade the hub', p_proto;
  END IF;
  SELECT * INTO who FROM crm.login WHERE rolname = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'crmdesk: % is not enrolled on this hub', session_user;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM crm.device d WHERE d.uid = p_device
                 AND d.rolname = session_user) THEN
    RAISE EXCEPTION 'crmdesk: this device is not registered for %', session_user;
  END IF;
  PERFORM pg_advisory_xact_lock(727274);
  before := (SELECT last_value FROM crm.change_seq);
  FOR it IN SELECT e.value FROM jsonb_array_elements(p_items) e LOOP
    IF it ->> 'k' = 'audit_entry' THEN
      res := res || crm.put_audit(it ->> 'u', it -> 'x', it ->> 'cu', p_device);
      CONTINUE;
    END IF;
    -- A merged-away customer: what is written to it lands on the customer it was merged
    -- into (crm.redirected), on every replica.
    PERFORM set_config('crm.write_cursor', coalesce(it ->> 'q', '0'), true);
    res := res || crm.redirected(it, p_device, who.role, who.staff_uid, now_ms);
    IF it ->> 'k' IN ('customer', 'customer.standard')
        AND it ->> 'c' IN ('*', 'kind', 'organisation_id') THEN
      touched := touched || coalesce(crm.alias_target(it ->> 'u'), it ->> 'u');
    ELSIF it ->> 'k' = 'customer_alias' THEN
      touched := touched || coalesce(crm.alias_target(it -> 'x' ->> 'new_id'),
                                     it -> 'x' ->> 'new_id');
    END IF;
  END LOOP;
  -- judged once the whole batch is in (one save writes the kind and the "works for" as two
  -- items, in either order)
  FOR one IN SELECT DISTINCT t FROM unnest(touched) t WHERE t IS NOT NULL LOOP
    PERFORM crm.settle_organisation(one, p_device);
  END LOOP;
  UPDATE crm.device SET last_push = now() WHERE uid = p_device;
  IF (SELECT last_value FROM crm.change_seq) <> before THEN
    PERFORM pg_notify('crm_changes', (SELECT last_value FROM crm.change_seq)::text);
  END IF;
  RETURN jsonb_build_object('results', to_jsonb(res), 'now', now_ms);
END $$;

REVOKE ALL ON FUNCTION crm.settle_organisation(text, text), crm.acl_changed(),
  crm.level_refusal(text, text, text, text, boolean, boolean, boolean) FROM PUBLIC;
RESET ROLE;
"""

_V7 = r"""
SET LOCAL ROLE crm_owner;
-- v7: merges of merges, found by the state machine.
-- (1) A merge reaching the hub moves to the kept customer the fields of the merged-away one
-- that its author had not seen when merging (written by others after the merge's cursor, or
-- by its own laptop after the merge): a write to B redirected onto C, then C merged into A,
-- ends on A. Each field by the per-field rule: the later stamp wins, a different value the
-- other way is kept in conflicts.
-- (2) A merge is final: the merged-away customer goes to the Trash on the hub when the merge
-- is taken, whatever a concurrent restore of it (another laptop's merge refused the other way
-- round, which took its customer back out of the Trash) stamped before.
CREATE FUNCTION crm.move_fields_to_survivor(old text, new text, q bigint, mdev text, mh text)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r crm.rec%ROWTYPE;
  key text;
  ver jsonb;
  x jsonb;
  st jsonb;
  cur jsonb;
  there boolean;
  s bigint;
BEGIN
  IF old IS NULL OR new IS NULL OR old = new OR EXISTS (
      SELECT 1 FROM crm.acl a WHERE a.cust IN (old, new) AND a.forgotten) THEN
    RETURN;  -- nothing moves onto, or from, a forgotten customer
  END IF;
  FOR r IN SELECT * FROM crm.rec WHERE kind IN ('customer', 'customer.standard',
      'customer.notes') AND uid = old AND NOT deleted ORDER BY kind LOOP
    FOR key, ver IN SELECT e.key, e.value FROM jsonb_each(r.v) e ORDER BY e.key LOOP
      CONTINUE WHEN key IN ('archived_at', '_del', 'sort_name', 'updated_at', 'stage_since',
                            'created_at') OR NOT r.data ? key
                    OR jsonb_typeof(ver) <> 'array';
      -- what the merging laptop had seen: pulled before merging, or its own earlier write
      CONTINUE WHEN coalesce((ver ->> 1)::bigint, 0) <= q
                    OR (ver ->> 2 = mdev AND ver ->> 0 <= mh);
      x := r.data -> key;
      SELECT t.v -> key, t.data -> key, true INTO st, cur, there FROM crm.rec t
      WHERE t.kind = r.kind AND t.uid = new FOR UPDATE;
      CONTINUE WHEN cur IS NOT DISTINCT FROM x;
      IF st IS NOT NULL AND st ->> 0 > ver ->> 0 THEN
        -- the kept customer's value is later: it stays, the moved one is kept in conflicts
        PERFORM crm.put_conflict(r.kind, new, key, new, coalesce(cur, 'null'), st ->> 0,
                                 st ->> 2, x, ver ->> 0, ver ->> 2, '');
        CONTINUE;
      END IF;
      IF cur IS NOT NULL AND cur NOT IN ('null'::jsonb, '""'::jsonb) THEN
        PERFORM crm.put_conflict(r.kind, new, key, new, x, ver ->> 0, ver ->> 2, cur,
                                 st ->> 0, st ->> 2, '');
      END IF;
      s := nextval('crm.change_seq');
      IF there THEN
        UPDATE crm.rec SET seq = s, data = jsonb_set(data, ARRAY[key], x),
          v = jsonb_set(v, ARRAY[key], jsonb_build_array(ver ->> 0, s, ver ->> 2))
        WHERE kind = r.kind AND uid = new;
      ELSE
        INSERT INTO crm.rec (kind, uid, cust, lvl, data, v, deleted, seq)
        VALUES (r.kind, new, new, crm.kind_level(r.kind), jsonb_build_object(key, x),
                jsonb_build_object(key, jsonb_build_array(ver ->> 0, s, ver ->> 2)), false, s);
        there := true;
      END IF;
      PERFORM crm.after_put(r.kind, new, new, jsonb_build_object(key, x));
    END LOOP;
  END LOOP;
END $$;

CREATE FUNCTION crm.finalise_merge(old text, h text, dev text, at jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s bigint;
  stamp text;
BEGIN
  SELECT r.v -> 'archived_at' ->> 0 INTO stamp FROM crm.rec r
  WHERE r.kind = 'customer' AND r.uid = old AND NOT r.deleted
    AND (r.data -> 'archived_at' IS NULL OR r.data -> 'archived_at' = 'null'::jsonb)
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  s := nextval('crm.change_seq');
  UPDATE crm.rec SET seq = s,
    data = jsonb_set(data, '{archived_at}',
                     CASE WHEN jsonb_typeof(at) = 'string' THEN at
                          ELSE to_jsonb(to_char(now() AT TIME ZONE 'UTC',
                                                'YYYY-MM-DD"T"HH24:MI:SS"Z"')) END),
    v = jsonb_set(v, '{archived_at}', jsonb_build_array(greatest(h, coalesce(stamp, '')), s,
                                                        dev))
  WHERE kind = 'customer' AND uid = old;
END $$;

CREATE OR REPLACE FUNCTION crm.redirected(it jsonb, dev text, my_role text, my_staff text,
                               now_ms bigint) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  k text := it ->> 'k';
  u text := it ->> 'u';
  c text := it ->> 'c';
  x jsonb := it -> 'x';
  h text := it ->> 'h';
  q bigint := coalesce((it ->> 'q')::bigint, 0);
  cu text := it ->> 'cu';
  target text;
  res jsonb;
  cur jsonb;
  stamp jsonb;
BEGIN
  IF k = 'customer_alias' AND c = '*' THEN
    target := coalesce(crm.alias_target(x ->> 'new_id'), x ->> 'new_id');
    IF target = x ->> 'old_id' OR EXISTS (
        SELECT 1 FROM crm.rec r WHERE r.kind = 'customer_alias' AND r.cust = x ->> 'old_id'
        AND NOT r.deleted AND r.uid <> u) THEN
      -- Two opposite merges made offline: the one that reached the hub first stands.
      PERFORM crm.put_conflict(k, u, c, x ->> 'old_id', NULL, NULL, NULL, x, h, dev,
                               'merge: these customers were already merged the other way '
                               || '(or this one into a third): this merge was not applied');
      RETURN jsonb_build_object('r', 'refused', 'e', false, 'w', '{}'::jsonb, 'd', false);
    END IF;
    x := jsonb_set(x, '{new_id}', to_jsonb(target));
    res := crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
    IF res ->> 'r' = 'ok' THEN
      PERFORM crm.move_to_survivor(x ->> 'old_id', target, h, dev);
      -- v7: what others wrote to the merged-away customer that this merge had not seen
      -- moves to the kept one; and the merge is final (the merged-away one in the Trash)
      PERFORM crm.move_fields_to_survivor(x ->> 'old_id', target, q, dev, h);
      PERFORM crm.finalise_merge(x ->> 'old_id', h, dev, x -> 'merged_at');
      -- (aliases of aliases follow: a merge into the merged-away one points further)
      UPDATE crm.rec SET data = jsonb_set(data, '{new_id}', to_jsonb(target)),
        seq = nextval('crm.change_seq'),
        v = jsonb_set(v, '{new_id}', jsonb_build_array(h, currval('crm.change_seq'), dev))
      WHERE kind = 'customer_alias' AND NOT deleted AND data ->> 'new_id' = x ->> 'old_id';
    END IF;
    RETURN res;
  END IF;
  IF k IN ('customer', 'customer.standard', 'customer.notes') AND c <> '*' THEN
    target := crm.alias_target(u);
    IF target IS NOT NULL THEN
      IF c = 'archived_at' AND (x IS NULL OR x = 'null'::jsonb) THEN
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        PERFORM crm.put_conflict(k, u, c, u, cur, NULL, NULL, x, h, dev,
                                 'merged into another customer: restore that one instead');
        RETURN jsonb_build_object('r', 'refused', 'e', true,
                                  'w', jsonb_build_object(c, coalesce(cur, 'null')),
                                  'd', false);
      END IF;
      IF c NOT IN ('archived_at', '_del', 'sort_name', 'updated_at', 'stage_since',
                   'created_at') THEN
        -- The edit lands on the kept customer (judged against its version of the field);
        -- the merged-away one keeps what it had. It was written to another row: what the
        -- kept customer holds that is later (even from this same laptop) stays, and the
        -- redirected value is kept in conflicts.
        SELECT r.v -> c, r.data -> c INTO stamp, cur FROM crm.rec r
        WHERE r.kind = k AND r.uid = target;
        IF stamp IS NOT NULL AND stamp ->> 0 > h THEN
          IF cur IS DISTINCT FROM x THEN
            PERFORM crm.put_conflict(k, target, c, target, coalesce(cur, 'null'),
                                     stamp ->> 0, stamp ->> 2, x, h, dev, '');
          END IF;
        ELSE
          PERFORM crm.put(k, target, c, x, h, q, target, dev, my_role, my_staff, now_ms);
        END IF;
        SELECT r.data -> c INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u;
        RETURN jsonb_build_object('r', 'lost', 'w',
                                  jsonb_build_object(c, coalesce(cur, 'null')));
      END IF;
    END IF;
    IF c = 'organisation_id' AND x IS NOT NULL AND jsonb_typeof(x) = 'string' THEN
      target := crm.alias_target(x #>> '{}');
      IF target IS NOT NULL THEN
        x := to_jsonb(target);
      END IF;
    END IF;
  ELSIF c = '*' AND x ? 'customer_id' AND jsonb_typeof(x -> 'customer_id') = 'string' THEN
    target := crm.alias_target(x ->> 'customer_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{customer_id}', to_jsonb(target));
      cu := target;
    END IF;
  ELSIF c = '*' AND k = 'customer.standard' AND jsonb_typeof(x -> 'organisation_id') = 'string'
  THEN
    target := crm.alias_target(x ->> 'organisation_id');
    IF target IS NOT NULL THEN
      x := jsonb_set(x, '{organisation_id}', to_jsonb(target));
    END IF;
  ELSIF c = 'customer_id' AND jsonb_typeof(x) = 'string' THEN
    target := crm.alias_target(x #>> '{}');
    IF target IS NOT NULL THEN
      x := to_jsonb(target);
      cu := target;
    END IF;
  END IF;
  -- One photo per customer: a new photo row for a customer who already has another (the
  -- merged-away customer's, redirected or moved here by a merge) cannot land beside it. The
  -- one there stays; this one is refused into conflicts, never silently dropped.
  IF k = 'customer_photo' AND c = '*' AND jsonb_typeof(x -> 'customer_id') = 'string'
      AND NOT EXISTS (SELECT 1 FROM crm.rec r WHERE r.kind = k AND r.uid = u)
      AND EXISTS (SELECT 1 FROM crm.rec d WHERE d.kind = k AND d.cust = x ->> 'customer_id'
                  AND NOT d.deleted AND d.uid <> u) THEN
    PERFORM crm.put_conflict(k, u, c, x ->> 'customer_id', NULL, NULL, NULL, x, h, dev,
                             'this customer already has a photo (merged from a duplicate): '
                             || 'that one was kept');
    RETURN jsonb_build_object('r', 'refused', 'e', false, 'w', '{}'::jsonb, 'd', false);
  END IF;
  IF c NOT IN ('*', '_del') THEN
    -- This laptop wrote the field later already (through a merged-away customer, whose
    -- writes land here): the later value stays, this one is kept in conflicts. (A push
    -- retried after a lost answer has the very same stamp, and is simply taken again.)
    SELECT r.v -> c, r.data -> c INTO stamp, cur FROM crm.rec r
    WHERE r.kind = k AND r.uid = u AND NOT r.deleted;
    IF stamp IS NOT NULL AND stamp ->> 2 = dev AND stamp ->> 0 > h THEN
      IF cur IS DISTINCT FROM x THEN
        PERFORM crm.put_conflict(k, u, c, cu, coalesce(cur, 'null'), stamp ->> 0, dev, x,
                                 h, dev, '');
      END IF;
      RETURN jsonb_build_object('r', 'lost', 'w', jsonb_build_object(c, coalesce(cur, 'null')));
    END IF;
  END IF;
  res := crm.put(k, u, c, x, h, q, cu, dev, my_role, my_staff, now_ms, it -> 'n');
  IF res ->> 'r' = 'refused' AND my_role <> 'manager' AND EXISTS (
      SELECT 1 FROM crm.acl a WHERE a.cust = coalesce(cu, u) AND crm.level_refusal(
        my_role, my_staff, k, a.owner, a.exclusive, a.private_notes, true) IS NOT NULL) THEN
    -- A refusal never tells what the author may not see: no value comes back (the laptop
    -- takes that customer's rows again, as its person may see them).
    RETURN jsonb_set(res, '{w}', '{}'::jsonb);
  END IF;
  IF c = '_del' AND res ->> 'r' IN ('refused', 'lost') THEN
    -- A removal the hub did not take: the row stays, and the laptop takes it back whole
    -- (the answer names every field, not only "not removed").
    SELECT r.data INTO cur FROM crm.rec r WHERE r.kind = k AND r.uid = u AND NOT r.deleted;
    IF FOUND THEN
      res := jsonb_set(res, '{w}', cur || '{"_del": false}'::jsonb);
    END IF;
  END IF;
  RETURN res;
END $$;

REVOKE ALL ON FUNCTION crm.move_fields_to_survivor(text, text, bigint, text, text),
  crm.finalise_merge(text, text, text, jsonb) FROM PUBLIC;
RESET ROLE;
"""

#: The hub's migrations ladder; index + 1 is the version.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7]
#: The first hub schema that keeps audit entries away from every device (no push before).
AUDIT_SCHEMA = 2
LATEST = len(MIGRATIONS)
