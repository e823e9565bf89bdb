"""The business's own details, printed on statements. Kept in the book (the logo too) so
that a copied book prints the same letterhead on another computer."""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import dataclass
from pathlib import Path

from crmdesk import paths
from crmdesk.services import access, settings
from crmdesk.services.texts import translate
from crmdesk.services.validation import InvalidValue
from crmdesk.store.db import db

MAX_LOGO_BYTES = 2_000_000
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


@dataclass
class Business:
    name: str = ""
    address: str = ""  # several lines
    logo: bytes | None = None  # PNG or JPEG; None = the default logo

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


def default_logo() -> bytes:
    return paths.resource_bytes("logo.png")


def printable_logo(data: bytes, max_side: int = 360) -> bytes:
    """The logo as a small JPEG on white: a PDF embeds a JPEG as it is, whereas a PNG is
    decoded and compressed again in every document (3 ms a statement)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            rgba = image.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        data = default_logo()
        with Image.open(io.BytesIO(data)) as image:
            rgba = image.convert("RGBA")
    rgba.thumbnail((max_side, max_side))
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, "JPEG", quality=92)
    return out.getvalue()


def logo_kind(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)


def load() -> Business:
    logo = None
    raw = settings.get("business_logo")
    if raw:
        try:
            logo = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            logo = None
    return Business(settings.get("business_name"), settings.get("business_address"), logo)


def read_logo(path: Path) -> bytes:
    """The bytes of a logo file, refused with a message unless it is a PNG or JPEG image."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise InvalidValue(translate(
                "business", "{name} is {value:.1f} MB; a logo must be at most {value2:.0f} "
                "MB.").format(
                name=path.name, value=size / 1000000.0, value2=MAX_LOGO_BYTES / 1000000.0))
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidValue(translate(
            "business", "Cannot read {name}: {value}").format(
            name=path.name, value=exc.strerror or exc)) from exc
    if logo_kind(data) is None:
        raise InvalidValue(translate(
            "business", "{name} is not a PNG or JPEG image.").format(name=path.name))
    return data


def save(business: Business) -> None:
    access.require("settings")
    name = business.name.strip()
    if len(name) > 200:
        raise InvalidValue(translate(
            "business", "The business name is too long (at most 200 characters)."))
    if len(business.address) > 1000:
        raise InvalidValue(translate(
            "business", "The business address is too long (at most 1,000 characters)."))
    if business.logo is not None and logo_kind(business.logo) is None:
        raise InvalidValue(translate("business", "The logo must be a PNG or JPEG image."))
    with db.atomic():
        settings.put("business_name", name)
        settings.put("business_address", "\n".join(business.address_lines))
        settings.put("business_logo",
                     base64.b64encode(business.logo).decode("ascii") if business.logo else "")
