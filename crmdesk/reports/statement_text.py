"""The words of a loyalty statement in English and Spanish."""

from __future__ import annotations

import re

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Loyalty statement",
        "period": "Period",
        "issued": "Issued",
        "member": "Member no.",
        "tier": "Tier",
        "opening": "Opening balance",
        "earned": "Points earned",
        "used": "Points used",
        "closing": "Closing balance",
        "intro": "Here is your loyalty statement for {period}. Thank you for being with us.",
        "intro_tier": "Here is your loyalty statement for {period}. Thank you for being "
                      "one of our {tier} members.",
        "date": "Date",
        "description": "Description",
        "points": "Points",
        "balance": "Balance",
        "no_activity": "No points were earned or used in this period.",
        "your_tier": "Your tier",
        "tier_next": "You are a {tier} member. {points} more points within {months} months "
                     "take you to {next}.",
        "tier_top": "You are a {tier} member, our highest tier. Thank you.",
        "tier_base": "You collected {qualifying} points in the last {months} months. "
                     "{points} more make you a {next} member.",
        "expiring": "{points} points expire by {date} unless you use them.",
        "no_expiring": "None of your points expire in the next 90 days.",
        "rewards": "Rewards you can already choose",
        "rewards_none": "Keep collecting: your first reward is {points} points away ({name}).",
        "reward_line": "{name} — {points} points",
        "closing_words": "With kind regards,",
        "page": "Page {page} of {pages}",
        "subject": "Loyalty points statement",
    },
    "es": {
        "title": "Extracto de puntos",
        "period": "Periodo",
        "issued": "Emitido",
        "member": "N.º de socio",
        "tier": "Nivel",
        "opening": "Saldo inicial",
        "earned": "Puntos ganados",
        "used": "Puntos usados",
        "closing": "Saldo final",
        "intro": "Le enviamos su extracto de puntos de {period}. Gracias por su confianza.",
        "intro_tier": "Le enviamos su extracto de puntos de {period}. Gracias por ser "
                      "socio {tier}.",
        "date": "Fecha",
        "description": "Concepto",
        "points": "Puntos",
        "balance": "Saldo",
        "no_activity": "No hubo movimientos de puntos en este periodo.",
        "your_tier": "Su nivel",
        "tier_next": "Es usted socio {tier}. Con {points} puntos más en {months} meses "
                     "pasará a {next}.",
        "tier_top": "Es usted socio {tier}, nuestro nivel más alto. Gracias.",
        "tier_base": "Ha acumulado {qualifying} puntos en los últimos {months} meses. "
                     "Con {points} más será socio {next}.",
        "expiring": "{points} puntos caducan el {date} si no los utiliza.",
        "no_expiring": "Ninguno de sus puntos caduca en los próximos 90 días.",
        "rewards": "Recompensas que ya puede elegir",
        "rewards_none": "Siga acumulando: su primera recompensa está a {points} puntos "
                        "({name}).",
        "reward_line": "{name} — {points} puntos",
        "closing_words": "Atentamente,",
        "page": "Página {page} de {pages}",
        "subject": "Extracto de puntos de fidelidad",
    },
}


#: Spanish agrees with the client: "socia" for a woman; where the form of address does not
#: say, a wording that needs no gender.
_ES_NEUTRAL = {
    "member": "N.º de socio/a",
    "intro_tier": "Le enviamos su extracto de puntos de {period}. Gracias por formar parte de "
                  "nuestro nivel {tier}.",
    "tier_next": "Su nivel es {tier}. Con {points} puntos más en {months} meses pasará a "
                 "{next}.",
    "tier_top": "Su nivel es {tier}, el más alto de todos. Gracias.",
    "tier_base": "Ha acumulado {qualifying} puntos en los últimos {months} meses. Con "
                 "{points} más pasará al nivel {next}.",
}


def words(language: str, gender: str = "m") -> dict[str, str]:
    """The statement's words in `language`, agreeing with the client's `gender` ("f", "m",
    or "" when the book does not know it)."""
    if language != "es":
        return TEXT["en"]
    if gender == "f":
        return {k: re.sub(r"\bsocio\b", "socia", v) for k, v in TEXT["es"].items()}
    if gender == "m":
        return TEXT["es"]
    return {**TEXT["es"], **_ES_NEUTRAL}
