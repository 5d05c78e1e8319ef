"""The interface's language: which one is in use, and the system's own by default.

Two things are translated, each in the way its translators expect:

- **Scenarios** have a PO file beside the script (`example.cy.po`), read by
  `game.story.translation` and applied by the script library for the language chosen here.
- **The interface's own strings** go through gettext: a catalogue compiled with Babel's
  tools into `game/locale/LANG/LC_MESSAGES/freeze_frame.mo` (see the README, "Adding a
  language"). `_()` looks a string up in the language set here.

The language is a setting: "auto" (the default) follows the system's locale (the LANGUAGE,
LC_ALL, LC_MESSAGES and LANG variables, as gettext reads them), falling back to English when
the system's language is not one the game offers.
"""

from __future__ import annotations

import gettext
import os

from game import paths

DOMAIN = "freeze_frame"
LOCALE_DIR = paths.ROOT / "game" / "locale"
#: The languages offered, by code, each named in itself (a Welsh speaker looks for "Cymraeg").
LANGUAGES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
AUTO = "auto"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def system_language(environ: dict[str, str] | None = None) -> str:
    """The system's language if the game offers it, else English (gettext's own order)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        if value:
            break  # the first variable set decides, as for gettext
    return "en"


def resolve(setting: str) -> str:
    """The language a setting means: itself if offered, the system's for "auto"."""
    return setting if setting in LANGUAGES else system_language()


def set_language(setting: str) -> str:
    """Use `setting`'s language for `_()` from now on; returns the language code chosen."""
    global _translation, _language
    code = resolve(setting)
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, [code], fallback=True)
    _language = code
    return code


def language() -> str:
    """The language code in use now."""
    return _language


def _(message: str) -> str:
    """`message` in the language in use (itself where no translation exists)."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark `message` for translation where it is defined (a table made at import, before
    any language is chosen); it is translated with `_()` where it is shown."""
    return message


#: Month names for dates in the interface and the handout: `%b`/`%B` follow the C locale,
#: not the language chosen here, so the game names its months itself.
MONTHS: tuple[str, ...] = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip
MONTHS_SHORT: tuple[str, ...] = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def month(number: int, *, short: bool = False) -> str:
    """Month `number` (1-12) by name in the language in use ("Nov", "Tach")."""
    return _((MONTHS_SHORT if short else MONTHS)[number - 1])
