<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddressesEditor</name>
    <message>
        <source>Add address</source>
        <translation>Añadir dirección</translation>
    </message>
</context>
<context>
    <name>ContactPointsEditor</name>
    <message>
        <source>Add {noun}</source>
        <translation>Añadir {noun}</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>Preferido</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valor total</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <source>Click to sort by {column}</source>
        <extracomment>the full id list is in (after a two-phase load)</extracomment>
        <translation>Pulsa para ordenar por {column}</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up — {customer}</source>
        <translation>Seguimiento — {customer}</translation>
    </message>
    <message>
        <source>Not saved. {problems}</source>
        <translation>No se ha guardado. {problems}</translation>
    </message>
</context>
<context>
    <name>FollowUpFields</name>
    <message>
        <source>Follow-up: what must be done</source>
        <translation>Seguimiento: qué hay que hacer</translation>
    </message>
    <message>
        <source>e.g. Send the fee table</source>
        <translation>p. ej. Enviar la tabla de comisiones</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>This is a promise made to the client</source>
        <translation>Es una promesa hecha al cliente</translation>
    </message>
    <message>
        <source>Promises are what a client remembers: they are listed first</source>
        <translation>Las promesas son lo que el cliente recuerda: aparecen primero</translation>
    </message>
    <message>
        <source>Me / nobody in particular</source>
        <translation>Yo / nadie en concreto</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Qué</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Vence</translation>
    </message>
    <message>
        <source>Assigned &amp;to</source>
        <translation>Asi&amp;gnado a</translation>
    </message>
    <message>
        <source>The due date is past: it will show as overdue.</source>
        <translation>La fecha de vencimiento ya ha pasado: aparecerá como vencido.</translation>
    </message>
</context>
<context>
    <name>LogInteractionDialog</name>
    <message>
        <source>Edit interaction — {customer}</source>
        <translation>Editar interacción — {customer}</translation>
    </message>
    <message>
        <source>Log interaction — {customer}</source>
        <translation>Registrar interacción — {customer}</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Miembro del equipo</translation>
    </message>
    <message>
        <source>{name} records things under their own name.</source>
        <translation>{name} registra todo a su propio nombre.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>Qué se dijo o se hizo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Client satisfaction</source>
        <translation>Satisfacción del cliente</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Sentido</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>Cuán&amp;do</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Asunto</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfacción</translation>
    </message>
    <message>
        <source>Add a follow-up</source>
        <translation>Añadir un seguimiento</translation>
    </message>
    <message>
        <source>Not saved. {problems}</source>
        <translation>No se ha guardado. {problems}</translation>
    </message>
    <message>
        <source>Not saved. {exc}</source>
        <translation>No se ha guardado. {exc}</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Clear the date</source>
        <translation>Borrar la fecha</translation>
    </message>
    <message>
        <source>Clear date</source>
        <translation>Borrar fecha</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Desde – hasta</translation>
    </message>
    <message>
        <source>Period kind</source>
        <translation>Tipo de periodo</translation>
    </message>
    <message>
        <source>Q{q}</source>
        <translation>T{q}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
</context>
<context>
    <name>QuickCaptureDialog</name>
    <message>
        <source>Quick capture</source>
        <extracomment>local, aware &quot;now&quot; (tests give their own)</extracomment>
        <translation>Registro rápido</translation>
    </message>
    <message>
        <source>Name, e-mail or phone digits…</source>
        <translation>Nombre, correo o cifras del teléfono…</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Clientes que coinciden</translation>
    </message>
    <message>
        <source>No one chosen yet</source>
        <translation>Aún no se ha elegido a nadie</translation>
    </message>
    <message>
        <source>Phone of the new prospect</source>
        <translation>Teléfono del nuevo cliente potencial</translation>
    </message>
    <message>
        <source>Their phone number (optional)</source>
        <translation>Su número de teléfono (opcional)</translation>
    </message>
    <message>
        <source>No one yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Owner of the new prospect</source>
        <translation>Propietario del nuevo cliente potencial</translation>
    </message>
    <message>
        <source>Who looks after the new prospect (by default the colleague you hand over to)</source>
        <translation>Quién atiende al nuevo cliente potencial (por defecto, el compañero al que se lo pasas)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What they want, what was said</source>
        <translation>Qué quiere, qué se dijo</translation>
    </message>
    <message>
        <source>No one (I handle it)</source>
        <translation>Nadie (me encargo yo)</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>Pasar a</translation>
    </message>
    <message>
        <source>Follow-up for the colleague</source>
        <translation>Seguimiento para el compañero</translation>
    </message>
    <message>
        <source>Call back (filled from the note)</source>
        <translation>Devolver la llamada (se rellena con la nota)</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Vencimiento del seguimiento</translation>
    </message>
    <message>
        <source>When the colleague should have done it (the next working hour by default)</source>
        <translation>Cuándo debería haberlo hecho el compañero (por defecto, la siguiente hora laborable)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Guardar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Quién</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Propietario</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Sentido</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>&amp;Hand over to</source>
        <translation>Pasar &amp;a</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Vence</translation>
    </message>
    <message>
        <source>↑/↓ choose · Enter confirm · Tab next field · Ctrl+Enter save</source>
        <translation>↑/↓ elegir · Intro confirmar · Tab siguiente campo · Ctrl+Intro guardar</translation>
    </message>
    <message>
        <source>+ New prospect: “{name}”</source>
        <translation>+ Nuevo cliente potencial: «{name}»</translation>
    </message>
    <message>
        <source>New prospect: {name}</source>
        <translation>Nuevo cliente potencial: {name}</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>Cliente: {name}</translation>
    </message>
    <message>
        <source>Call back: {note}</source>
        <translation>Devolver la llamada: {note}</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Devolver la llamada</translation>
    </message>
    <message>
        <source>Type who it is, then choose them (Enter).</source>
        <translation>Escribe quién es y elígelo (Intro).</translation>
    </message>
    <message>
        <source>Not saved. {problems}</source>
        <translation>No se ha guardado. {problems}</translation>
    </message>
</context>
<context>
    <name>_AddressRow</name>
    <message>
        <source>Street and number</source>
        <translation>Calle y número</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Region / state</source>
        <translation>Provincia / región</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Remove this address</source>
        <translation>Quitar esta dirección</translation>
    </message>
    <message>
        <source>Remove address</source>
        <translation>Quitar dirección</translation>
    </message>
</context>
<context>
    <name>_PointRow</name>
    <message>
        <source>Remove this {noun}</source>
        <translation>Quitar: {noun}</translation>
    </message>
    <message>
        <source>Remove {noun}</source>
        <translation>Quitar {noun}</translation>
    </message>
</context>
<context>
    <name>_RowList</name>
    <message>
        <source>{action} (another one)</source>
        <translation>{action} (uno más)</translation>
    </message>
</context>
<context>
    <name>contact_rows</name>
    <message>
        <source>Label, e.g. home or work</source>
        <translation>Etiqueta, p. ej. casa o trabajo</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
</context>
<context>
    <name>interaction_dialogs</name>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Knowledge</source>
        <translation>Conocimiento</translation>
    </message>
    <message>
        <source>Acquisition</source>
        <translation>Captación</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversión</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Crecimiento</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retención</translation>
    </message>
    <message>
        <source>Reactivation</source>
        <translation>Reactivación</translation>
    </message>
    <message>
        <source>Personal assistance</source>
        <translation>Asistencia personal</translation>
    </message>
    <message>
        <source>Exclusive personal assistance</source>
        <translation>Asistencia personal exclusiva</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Autoservicio</translation>
    </message>
    <message>
        <source>Automated</source>
        <translation>Automatizada</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Co-creation</source>
        <translation>Cocreación</translation>
    </message>
    <message>
        <source>No preference</source>
        <translation>Sin preferencia</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>SMS / messaging</source>
        <translation>SMS / mensajería</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videollamada</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Correo postal</translation>
    </message>
    <message>
        <source>Chat / instant message</source>
        <translation>Chat / mensajería instantánea</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>Self-service portal</source>
        <translation>Portal de autoservicio</translation>
    </message>
    <message>
        <source>Automated message</source>
        <translation>Mensaje automático</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Formal</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informal</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Owner / manager</source>
        <translation>Propietario / responsable</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>Ejecutivo/a</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Recepcionista</translation>
    </message>
    <message>
        <source>executive</source>
        <extracomment>a staff member&apos;s role as a word beside their name (&quot;Ana (executive)&quot;)</extracomment>
        <translation>ejecutivo/a</translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation>recepcionista</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
</context>
</TS>
