"""Turn an uploaded resume (PDF, DOCX or TXT) or pasted text into clean plain text.

The file type is decided by its content and checked against its name. Every failure is
an ExtractionError with a stable code and a message written for the job seeker.
Nothing is written to disk and nothing is logged.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from typing import Literal

from docx import Document
from pypdf import PdfReader
from pypdf.errors import DependencyError

from scoring.resume.docx_text import read_docx_text
from scoring.resume.glyphs import BULLET, BULLET_LINE, GLYPH_ONLY, PRIVATE_BULLETS
from scoring.resume.pdf_layer import PasswordRequired, PdfLayerError, read_layout
from scoring.resume.repair import repair_text

# pypdf logs its repairs of broken files; a resume upload must leave no trace in the logs.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False

DocumentKind = Literal["pdf", "docx", "txt"]
ErrorCode = Literal[
    "empty",
    "too_large",
    "unsupported_type",
    "not_really_pdf",
    "corrupt",
    "encrypted",
    "too_many_pages",
    "too_complex",
    "zip_bomb",
    "no_text",
    "binary_text",
]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ODD_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
        "\u2008\u2009\u200a\u202f\u205f\u3000",
    ),
    " ",
)
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\u2028\u2029\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ue000-\uf8ff]")
_WIDE_GAP = re.compile(r"[ \t]{2,}|\t")
_BLANK_RUN = re.compile(r"\n{3,}")
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class ExtractLimits:
    """Bounds that keep hostile or oversized files from costing time or memory."""

    max_bytes: int = 5 * 1024 * 1024
    max_pages: int = 20
    max_unzipped_bytes: int = 50 * 1024 * 1024
    max_zip_ratio: float = 100.0
    max_zip_entries: int = 2000
    # One XML part of a DOCX (document.xml holds the text): real resumes hold well under
    # 1 MB; 5 MB of XML already takes lxml about 100 MB to hold.
    max_xml_part_bytes: int = 5 * 1024 * 1024
    max_chars: int = 200_000
    # Drawing instructions: the real corpus's pages hold at most 120 KB, its largest file
    # 800 KB. A page counts its content each time, so one stream shared by 20 pages
    # counts 20 times.
    max_page_content_bytes: int = 2 * 1024 * 1024
    max_content_bytes: int = 8 * 1024 * 1024


@dataclass(frozen=True)
class Extracted:
    """The plain text of a resume, what it came from, and layout warnings."""

    text: str
    kind: DocumentKind
    pages: int | None
    warnings: tuple[str, ...]
    #: Columns, tables or text boxes made the reading order differ from top to bottom,
    #: left to right; ``warnings`` says how.
    reordered: bool = False


class ExtractionError(ValueError):
    """A file or text that cannot be read, with a stable code and a user-facing message."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message


_SUPPORTED_HINT = "Upload a PDF exported from your editor, a Word .docx file or a plain .txt file."
_TEXT_EXTENSIONS = frozenset({"txt", "text", "md", ""})
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Signatures of formats we refuse, named so the message can say what the file really is.
_FOREIGN_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"ftypheic", 4, "a HEIC photo"),
    (b"\x7fELF", 0, "a program"),
    (b"MZ\x90\x00", 0, "a Windows program"),
    (b"\x1f\x8b", 0, "a compressed archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a compressed archive"),
    (b"Rar!", 0, "a compressed archive"),
    (b"{\\rtf", 0, "a Rich Text (.rtf) file"),
)


def extract_text(data: bytes, filename: str, limits: ExtractLimits = ExtractLimits()) -> Extracted:
    """Read an uploaded resume into normalised text, refusing anything unsafe or unreadable."""
    if not data.strip():
        raise ExtractionError("empty", "The file is empty. Choose your resume file and try again.")
    if len(data) > limits.max_bytes:
        raise ExtractionError(
            "too_large",
            f"The file is {_megabytes(len(data))}; the limit is {_megabytes(limits.max_bytes)}. "
            "A resume rarely needs more than a few hundred kilobytes: remove large images "
            "or export it again as PDF or DOCX.",
        )
    extension = filename.rsplit(".", 1)[-1].lower().strip() if "." in filename else ""
    head = data[:1024]
    if b"%PDF-" in head:
        return _mismatch_note(_read_pdf(data, limits), extension)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _mismatch_note(_read_docx(data, limits), extension)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise ExtractionError(
                "encrypted",
                "This Word document is password-protected. An ATS cannot open it either: "
                "save a copy without a password and upload that.",
            )
        raise ExtractionError(
            "unsupported_type",
            "This is an old-style Word (.doc) or Office file. Save it as .docx or PDF and "
            "upload that instead.",
        )
    for magic, offset, what in _FOREIGN_MAGIC:
        if data[offset : offset + len(magic)] == magic:
            raise ExtractionError("unsupported_type", _foreign_message(what))
    if extension == "pdf":
        raise ExtractionError(
            "not_really_pdf",
            "This file is named .pdf but its contents are not a PDF. Export the resume "
            "again from your editor (File > Save as PDF) and upload the new file.",
        )
    if extension == "docx":
        raise ExtractionError(
            "corrupt",
            "This file is named .docx but is not a readable Word document. Open it in "
            "your editor, save it again as .docx, and upload the new file.",
        )
    if extension not in _TEXT_EXTENSIONS:
        raise ExtractionError(
            "unsupported_type",
            f"Files of type .{extension} cannot be read. {_SUPPORTED_HINT}",
        )
    return _read_txt(data, limits)


def extract_pasted(text: str, max_chars: int = 50_000) -> Extracted:
    """Normalise pasted resume text with the same rules as an uploaded file."""
    if not text.strip():
        raise ExtractionError("empty", "The resume text is empty. Paste your resume and try again.")
    if len(text) > max_chars:
        raise ExtractionError(
            "too_large",
            f"The pasted text has {len(text):,} characters; the limit is {max_chars:,}. "
            "Paste only the resume itself.",
        )
    cleaned = normalize_text(text)
    if not cleaned:
        raise ExtractionError("empty", "The resume text is empty. Paste your resume and try again.")
    return Extracted(text=cleaned, kind="txt", pages=None, warnings=())


def normalize_text(raw: str) -> str:
    """Repair garbled characters; unify line breaks, bullets and spacing; strip controls."""
    text = _normalize_once(raw)
    # The rest of normalising is idempotent; a repair can leave a sequence that reads as
    # mojibake once controls are gone. Repeat while a repair still finds something.
    for _ in range(3):
        if text.isascii() or repair_text(text) == text:
            break
        text = _normalize_once(text)
    return text


def _normalize_once(raw: str) -> str:
    text = repair_text(_LINE_BREAKS.sub("\n", raw))
    text = text.translate(PRIVATE_BULLETS).translate(_INVISIBLE).translate(_ODD_SPACES)
    text = _CONTROL.sub("", text)
    lines: list[str] = []
    pending_glyph = False
    for line in text.split("\n"):
        if GLYPH_ONLY.match(line):
            pending_glyph = True
            continue
        body = _WIDE_GAP.sub("  ", line).strip()
        if not body:
            lines.append("")
            continue
        match = BULLET_LINE.match(line)
        if match:
            body = f"{BULLET} {_WIDE_GAP.sub('  ', line[match.end() :]).strip()}"
        elif pending_glyph:
            body = f"{BULLET} {body}"
        pending_glyph = False
        lines.append(body)
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def _megabytes(size: int) -> str:
    """A byte count as megabytes, for messages."""
    return f"{size / (1024 * 1024):.1f} MB"


def _foreign_message(what: str) -> str:
    """The message for a file that is some other known format."""
    if "image" in what or "photo" in what:
        return (
            f"This file is {what}, not a resume document. An ATS cannot read text in an "
            f"image either. {_SUPPORTED_HINT}"
        )
    return f"This file is {what}, not a resume document. {_SUPPORTED_HINT}"


def _mismatch_note(result: Extracted, extension: str) -> Extracted:
    """Add a warning when the file's name claims a different type from its content."""
    expected = {"pdf": "pdf", "docx": "docx", "doc": "doc", "txt": "txt"}.get(extension)
    if expected is None or expected == result.kind:
        return result
    note = (
        f"The file is named .{extension} but is really a {result.kind.upper()}; it was read "
        "as that. Some ATS go by the name, so give the file the right extension."
    )
    return replace(result, warnings=(*result.warnings, note))


def _finish(
    raw: str,
    kind: DocumentKind,
    pages: int | None,
    warnings: list[str],
    limits: ExtractLimits,
    *,
    reordered: bool = False,
) -> Extracted:
    """Normalise extracted text and refuse results that hold no words or far too many."""
    text = normalize_text(raw)
    if len(text) > limits.max_chars:
        raise ExtractionError(
            "too_large",
            f"The resume holds {len(text):,} characters of text; the limit is "
            f"{limits.max_chars:,}. Upload only the resume itself.",
        )
    if len(_ALNUM.findall(text, 0, 2000)) < 20 and len(_ALNUM.findall(text)) < 20:
        what = "PDF" if kind == "pdf" else "document"
        raise ExtractionError(
            "no_text",
            f"No text could be read from this {what}: it looks like a scanned image or a "
            "picture of text. An ATS cannot read it either. Export your resume from your "
            "editor as a text-based PDF or DOCX (not a scan or a photo) and upload that.",
        )
    return Extracted(
        text=text,
        kind=kind,
        pages=pages,
        warnings=tuple(dict.fromkeys(warnings)),
        reordered=reordered,
    )


# --- PDF ---------------------------------------------------------------------------------


def _read_pdf(data: bytes, limits: ExtractLimits) -> Extracted:
    """Read a PDF's text in reading order, refusing encrypted, huge or broken files.

    pypdf checks the file first, in pure Python: encryption, and the page count the file
    declares. PDFium then reads every character with its position (``pdf_layer``), and
    ``layout`` rebuilds lines and columns from them. A file PDFium cannot open is read by
    pypdf's plain extraction instead.
    """
    broken = ExtractionError(
        "corrupt",
        "This PDF is damaged and cannot be read. Export it again from your editor and "
        "upload the new file.",
    )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _unlock(reader):
            raise _encrypted_pdf()
        _check_page_count(_declared_page_count(reader), limits)
        pages = len(reader.pages)
        _check_page_count(pages, limits)
        _check_content_size(reader, limits)
    except ExtractionError:
        raise
    except Exception as exc:  # pypdf raises many types on hostile input; all mean "broken"
        raise broken from exc
    try:
        layouts = list(read_layout(data, limits.max_pages, limits.max_chars * 2))
    except PasswordRequired as exc:
        raise _encrypted_pdf() from exc
    except PdfLayerError:
        return _read_pdf_plain(reader, pages, limits, broken)
    texts = ["\n".join(page.lines) for page in layouts]
    reordered = any(page.reordered for page in layouts)
    warnings = [_COLUMNS_WARNING] if reordered else []
    return _finish("\n\n".join(texts), "pdf", pages, warnings, limits, reordered=reordered)


def _check_content_size(reader: PdfReader, limits: ExtractLimits) -> None:
    """Refuse a PDF whose pages hold far more drawing instructions than any resume, before
    PDFium reads them (a few KB of compressed stream can hold millions of instructions).
    Streams are inflated in bounded steps, so a decompression bomb stops at the limit."""
    total = 0
    for page in reader.pages:
        size = 0
        contents = page.get("/Contents")
        streams = contents.get_object() if contents is not None else None
        if streams is None:
            continue
        if not isinstance(streams, list):
            streams = [streams]
        for item in streams:
            stream = item.get_object()
            room = limits.max_page_content_bytes - size + 1
            size += _inflated_size(stream, room)
            if size > limits.max_page_content_bytes:
                break
        total += size
        if size > limits.max_page_content_bytes or total > limits.max_content_bytes:
            raise ExtractionError(
                "too_complex",
                "This PDF's pages hold far more drawing instructions than any resume, so it "
                "was not read. Export the resume again from your editor (File > Save as "
                "PDF), or paste its text.",
            )


def _inflated_size(stream: object, room: int) -> int:
    """The stream's decoded length, counted up to ``room`` bytes (more means too much)."""
    data = getattr(stream, "_data", b"") or b""
    filters = stream.get("/Filter") if hasattr(stream, "get") else None
    names = filters if isinstance(filters, list) else [filters] if filters else []
    if names[:1] != ["/FlateDecode"]:
        return len(data)
    inflater = zlib.decompressobj()
    size = 0
    chunk = data
    try:
        while chunk and size <= room:
            out = inflater.decompress(chunk, 64 * 1024)
            size += len(out)
            chunk = inflater.unconsumed_tail
    except zlib.error:
        return len(data)
    return size


_COLUMNS_WARNING = (
    "Your resume is laid out in columns side by side. Many ATS read straight across the "
    "page and mix the columns together; the checker read each column on its own (the main "
    "column first, then the narrow one), as the text it read shows. A single-column layout "
    "is safer."
)


def _encrypted_pdf() -> ExtractionError:
    return ExtractionError(
        "encrypted",
        "This PDF is password-protected. An ATS cannot open it either: save a copy "
        "without a password or restrictions and upload that.",
    )


def _read_pdf_plain(
    reader: PdfReader, pages: int, limits: ExtractLimits, broken: ExtractionError
) -> Extracted:
    """pypdf's plain text, page by page, for a file PDFium cannot open."""
    texts: list[str] = []
    try:
        for page in reader.pages:
            texts.append(page.extract_text())
            if sum(map(len, texts)) > limits.max_chars * 2:
                break
    except Exception as exc:  # pypdf raises many types on hostile input; all mean "broken"
        raise broken from exc
    return _finish("\n\n".join(texts), "pdf", pages, [], limits)


def _unlock(reader: PdfReader) -> bool:
    """Open a PDF that is encrypted with an empty user password (owner restrictions only)."""
    try:
        return bool(reader.decrypt(""))
    except DependencyError:
        return False


def _declared_page_count(reader: PdfReader) -> int:
    """The page count the file declares, read without walking the page tree."""
    try:
        count = reader.root_object["/Pages"]["/Count"]  # type: ignore[index]
        return int(count)
    except (KeyError, TypeError, ValueError):
        return 0


def _check_page_count(pages: int, limits: ExtractLimits) -> None:
    """Refuse a document with more pages than a resume plausibly has."""
    if pages > limits.max_pages:
        raise ExtractionError(
            "too_many_pages",
            f"This PDF has {pages} pages; the checker reads resumes of up to "
            f"{limits.max_pages} pages. Upload the resume alone, without attachments.",
        )


# --- DOCX --------------------------------------------------------------------------------


def _read_docx(data: bytes, limits: ExtractLimits) -> Extracted:
    """Read a DOCX's paragraphs, lists and tables in order, after checking the zip is safe."""
    broken = ExtractionError(
        "corrupt",
        "This Word document is damaged and cannot be read. Open it in your editor, save it "
        "again as .docx, and upload the new file.",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise broken from exc
    _check_zip(entries, limits)
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise ExtractionError(
            "unsupported_type",
            "This is a zip archive or another Office format, not a Word document. "
            + _SUPPORTED_HINT,
        )
    checked = _inflate_checked(data, limits, broken)
    try:
        reading = read_docx_text(Document(io.BytesIO(checked)), limits.max_chars * 2)
    except Exception as exc:  # python-docx and lxml raise many types on broken parts
        raise broken from exc
    warnings: list[str] = []
    if reading.header_footer:
        warnings.append(
            "Some of your details are in the page header or footer. Many ATS skip headers "
            "and footers: put your name and contact details in the body of the page."
        )
    if reading.tables:
        warnings.append(
            "Your resume uses a table. Many ATS read tables cell by cell or skip them, "
            "which can scramble the reading order; the checker read each row left to "
            "right. Plain paragraphs are safer."
        )
    if reading.text_boxes:
        warnings.append(
            "Some text sits in text boxes. Many ATS skip text boxes entirely; the checker "
            "read each where it is anchored. Keep important text in ordinary paragraphs."
        )
    reordered = reading.tables or reading.text_boxes
    return _finish("\n".join(reading.lines), "docx", None, warnings, limits, reordered=reordered)


def _check_zip(entries: list[zipfile.ZipInfo], limits: ExtractLimits) -> None:
    """Refuse an archive that would inflate far beyond what a resume needs."""
    bomb = ExtractionError(
        "zip_bomb",
        "This file expands to far more data than any resume holds, so it was not opened. "
        "Save your resume again from your editor as .docx or PDF and upload that.",
    )
    if len(entries) > limits.max_zip_entries:
        raise bomb
    total = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if total > limits.max_unzipped_bytes:
        raise bomb
    for entry in entries:
        # Tiny entries compress well without being dangerous; only large ones can bomb.
        if entry.file_size > 1024 * 1024 and entry.file_size > limits.max_zip_ratio * max(
            entry.compress_size, 1
        ):
            raise bomb
    if total > 1024 * 1024 and total > limits.max_zip_ratio * max(packed, 1):
        raise bomb


def _inflate_checked(data: bytes, limits: ExtractLimits, broken: ExtractionError) -> bytes:
    """The archive re-packed uncompressed, every part inflated here in bounded steps.

    The sizes a zip declares can lie, and zipfile inflates a whole part in one call when
    asked for all of it, so a few MB can become GB before any size is checked. Each part
    is read 64 KB at a time and counted as it really inflates: past the limits (all parts,
    one XML part, the ratio to the file's size) the file is refused as a zip bomb.
    python-docx then opens the re-packed copy, whose parts are stored as they are.
    """
    bomb = ExtractionError(
        "zip_bomb",
        "This file expands to far more data than any resume holds, so it was not opened. "
        "Save your resume again from your editor as .docx or PDF and upload that.",
    )
    budget = min(limits.max_unzipped_bytes, int(limits.max_zip_ratio * max(len(data), 1)))
    total = 0
    out = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as archive,
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as packed,
        ):
            for entry in archive.infolist():
                if entry.is_dir():
                    continue
                cap = limits.max_xml_part_bytes if entry.filename.endswith(".xml") else budget
                parts: list[bytes] = []
                size = 0
                with archive.open(entry) as member:
                    while chunk := member.read(64 * 1024):
                        size += len(chunk)
                        total += len(chunk)
                        if size > cap or total > budget:
                            raise bomb
                        parts.append(chunk)
                packed.writestr(entry.filename, b"".join(parts))
    except ExtractionError:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as exc:
        raise broken from exc
    return out.getvalue()


# --- TXT ---------------------------------------------------------------------------------


def _read_txt(data: bytes, limits: ExtractLimits) -> Extracted:
    """Decode a text file: UTF-8 (or UTF-16 with a BOM), else Windows-1252 if it looks like text."""
    binary = ExtractionError(
        "binary_text",
        "This file is not plain text (it holds binary data). Upload your resume as a "
        "PDF, a DOCX, or a .txt file saved from a text editor.",
    )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise binary from exc
    elif b"\x00" in data:
        raise binary
    else:
        text = _decode_8bit(data)
    if _control_share(text) > 0.01:
        raise binary
    return _finish(text, "txt", None, [], limits)


def _decode_8bit(data: bytes) -> str:
    """UTF-8 (with or without a BOM), falling back to Windows-1252 then Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _control_share(text: str) -> float:
    """The share of characters that are control codes no text file contains."""
    odd = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0)
    return odd / max(len(text), 1)
