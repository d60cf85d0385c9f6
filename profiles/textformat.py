"""Plain-text forms of profile content for open-data files, and their way back.

A spreadsheet cell cannot hold Wagtail rich text, snippet references or
structured lists, so import and export agree on simple text forms:

- text sections: paragraphs separated by an empty line; a single line break stays a line break;
- milestones: ``2012: Aufnahme ins Programm | 2015-06-01: Eröffnung – Das Büro öffnet.``
  (year or ISO date, colon, title, optionally `` – `` and a description; entries separated by ``|``);
- contact persons: ``Name / Funktion / Organisation / E-Mail / Telefon``, persons separated by ``|``.

Each ``*_to_text`` and its parser are inverse to each other, so a round trip is lossless.
"""

import datetime
import html
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.html import escape

ENTRY_SEPARATOR = " | "
CONTACT_FIELD_SEPARATOR = " / "
MILESTONE_TEXT_SEPARATOR = " – "

_BLOCK_END_RE = re.compile(r"</(p|h[1-6]|ol|ul|blockquote)>", re.IGNORECASE)
_LIST_ITEM_RE = re.compile(r"<li[^>]*>", re.IGNORECASE)
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]+>")
_MANY_BLANK_LINES_RE = re.compile(r"\n{3,}")
_ENTRY_SPLIT_RE = re.compile(r"(?<!\\)\|")
_MILESTONE_RE = re.compile(r"^\s*(?P<when>\d{4}(?:-\d{2}-\d{2})?)\s*:\s*(?P<rest>.*)$", re.DOTALL)


def normalize_text(text):
    """Line endings, trailing spaces and runs of empty lines do not count as a difference."""
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return _MANY_BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip()


def richtext_to_text(source):
    """Wagtail rich text (HTML) as plain paragraphs; list items become lines starting with "- "."""
    text = _BR_RE.sub("\n", source or "")
    text = _LIST_ITEM_RE.sub("\n- ", text)
    text = re.sub(r"</li>", "", text, flags=re.IGNORECASE)
    text = _BLOCK_END_RE.sub("\n\n", text)
    text = html.unescape(_TAG_RE.sub("", text))
    return normalize_text(text)


def text_to_richtext(text):
    """Plain paragraphs as rich text: one <p> per paragraph, <br/> for single line breaks."""
    paragraphs = [part for part in normalize_text(text).split("\n\n") if part.strip()]
    return "".join("<p>" + "<br/>".join(escape(line) for line in part.split("\n")) + "</p>" for part in paragraphs)


def split_entries(text):
    """Split at unescaped "|" and undo the escaping of "\\|" inside entries."""
    if not text or not text.strip():
        return []
    return [entry.strip().replace("\\|", "|") for entry in _ENTRY_SPLIT_RE.split(text) if entry.strip()]


def _escape_entry(text):
    return (text or "").replace("|", "\\|")


def milestones_to_text(milestones):
    entries = []
    for milestone in milestones:
        when = milestone["date"] or str(milestone["year"])
        entry = f"{when}: {milestone['title']}"
        if milestone["text"]:
            entry += MILESTONE_TEXT_SEPARATOR + milestone["text"]
        entries.append(_escape_entry(entry))
    return ENTRY_SEPARATOR.join(entries)


def parse_milestones(text):
    """Return (milestones, errors); each milestone is {"year", "date", "title", "text"} with date as ISO string."""
    milestones, errors = [], []
    for entry in split_entries(text):
        match = _MILESTONE_RE.match(entry)
        if not match:
            errors.append(f"Meilenstein „{entry}“ hat kein gültiges Format (erwartet: „2012: Titel“).")
            continue
        milestone, error = milestone_from_parts(match["when"], *_split_title_text(match["rest"]))
        if error:
            errors.append(error)
        else:
            milestones.append(milestone)
    return milestones, errors


def _split_title_text(rest):
    title, _separator, text = rest.partition(MILESTONE_TEXT_SEPARATOR)
    return title.strip(), text.strip()


def milestone_from_parts(when, title, text):
    """Validate one milestone given as year or ISO date (str or int), title and description."""
    when = str(when or "").strip()
    title = (title or "").strip()
    year, date = None, None
    if re.fullmatch(r"\d{4}", when):
        year = int(when)
    else:
        try:
            date = datetime.date.fromisoformat(when)
        except ValueError:
            return None, f"Meilenstein „{title}“: „{when}“ ist weder ein Jahr noch ein Datum (JJJJ-MM-TT)."
        year = date.year
    if not 1950 <= year <= 2100:
        return None, f"Meilenstein „{title}“: Das Jahr {year} liegt außerhalb von 1950–2100."
    if not title:
        return None, f"Meilenstein {when}: Der Titel fehlt."
    if len(title) > 200:
        return None, f"Meilenstein {when}: Der Titel ist länger als 200 Zeichen."
    return {
        "year": None if date else year,
        "date": date.isoformat() if date else None,
        "title": title,
        "text": normalize_text(text),
    }, None


CONTACT_FIELDS = ["name", "role", "organisation", "email", "phone"]


def contacts_to_text(contacts):
    return ENTRY_SEPARATOR.join(
        _escape_entry(CONTACT_FIELD_SEPARATOR.join(contact[field] for field in CONTACT_FIELDS).rstrip(" /"))
        for contact in contacts
    )


def parse_contacts(text):
    """Return (contacts, errors); each contact is a dict with the keys of CONTACT_FIELDS."""
    contacts, errors = [], []
    for entry in split_entries(text):
        parts = [part.strip() for part in entry.split(CONTACT_FIELD_SEPARATOR)]
        if len(parts) > len(CONTACT_FIELDS):
            errors.append(f"Ansprechperson „{entry}“ hat mehr als fünf Angaben (Name / Funktion / Organisation / …).")
            continue
        contact = dict(zip(CONTACT_FIELDS, parts + [""] * (len(CONTACT_FIELDS) - len(parts)), strict=True))
        error = validate_contact(contact)
        if error:
            errors.append(error)
        else:
            contacts.append(contact)
    return contacts, errors


def validate_contact(contact):
    if not contact["name"]:
        return "Bei einer Ansprechperson fehlt der Name."
    if contact["email"]:
        try:
            validate_email(contact["email"])
        except ValidationError:
            return f"Ansprechperson „{contact['name']}“: „{contact['email']}“ ist keine gültige E-Mail-Adresse."
    return None
