#!/usr/bin/env python3
"""Writes the manual page preflight(1) from the command definitions, as `preflight --experimental-dump-help`
prints them (JSON of every command, option and help text), so that the page cannot drift from `--help`.

usage: scripts/generate-manual.py PREFLIGHT OUTPUT.1 [--date YYYY-MM-DD] [--prefix DIR]

The root command's discussion is split into the page's sections by the label that opens a paragraph:
"Examples:", "Exit codes:", "Environment:" and "Files:" become EXAMPLES, EXIT STATUS, ENVIRONMENT and
FILES; the rest is the DESCRIPTION. Each subcommand gets a subsection of COMMANDS with its synopsis,
its discussion and its options. Indented lines are kept as they are (examples); indented lines of the
form "NAME  text" in a labelled section become a list.

The default of `--content` is where the running binary found its knowledge base, a path of the machine
that generated the page; the page says where an installed one is instead, under --prefix when given.
"""
import json
import os
import re
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

SECTIONS = {"Examples:": "EXAMPLES", "Exit codes:": "EXIT STATUS", "Environment:": "ENVIRONMENT", "Files:": "FILES"}
CONTENT_DEFAULT = "PREFIX/share/preflight beside the installed executable; see FILES"


def roff(text):
    """Text as roff: backslashes and minus signs escaped, non-ASCII as \\[uXXXX] so that the page
    renders the same with or without preconv, and no line starting as a request."""
    out = []
    for char in text.replace("\\", "\\e").replace("-", "\\-"):
        out.append(char if ord(char) < 128 else "\\[u%04X]" % ord(char))
    line = "".join(out)
    return "\\&" + line if line.startswith((".", "'")) else line


def filled(text):
    """Running text as roff lines of at most about 80 characters (roff fills them again), so that the
    source of the page is as readable as its rendering."""
    lines = textwrap.wrap(text, width=78, break_long_words=False, break_on_hyphens=False)
    return [roff(line) for line in lines] or [""]


def paragraphs(text):
    """Blank-line separated blocks, each a list of lines."""
    blocks, current = [], []
    for line in (text or "").splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def render_block(lines, as_list=False):
    """One paragraph: running text refilled by roff, indented lines kept verbatim or, in a labelled
    list section, as tagged entries ("NAME  text", or NAME alone with the text indented below)."""
    out, prose, verbatim, entries = [], [], [], []

    def flush():
        if prose:
            out.extend([".PP"] + filled(" ".join(part.strip() for part in prose)))
            prose.clear()
        if verbatim:
            out.extend([".PP", ".RS 4", ".nf"] + [roff(line) for line in verbatim] + [".fi", ".RE"])
            verbatim.clear()
        for tag, text in entries:
            out.extend([".TP", "\\fB" + roff(tag) + "\\fR"] + filled(text))
        entries.clear()

    for line in lines:
        depth = len(line) - len(line.lstrip())
        if as_list and depth > 0:
            if prose:
                flush()
            if depth > 2 and entries:
                entries[-1][1] = (entries[-1][1] + " " + line.strip()).strip()
                continue
            entry = re.match(r"^\s+(\S(?:.*?\S)?)\s{2,}(\S.*)$", line)
            entries.append([entry.group(1), entry.group(2)] if entry else [line.strip(), ""])
        elif depth > 0:
            if prose:
                flush()
            verbatim.append(line[2:] if line.startswith("  ") else line)
        else:
            if verbatim or entries:
                flush()
            prose.append(line)
    flush()
    return out


def split_discussion(text):
    """The description's paragraphs and the labelled ones, by section name."""
    description, labelled = [], {}
    for block in paragraphs(text):
        label = next((key for key in SECTIONS if block[0].startswith(key)), None)
        if label is None:
            description.append(block)
            continue
        rest = block[0][len(label):].strip()
        labelled.setdefault(SECTIONS[label], []).append(([rest] if rest else []) + block[1:])
    return description, labelled


def option_lines(argument):
    """A `.TP` entry for one option, flag or positional argument."""
    if not argument.get("shouldDisplay", True):
        return []
    value = argument.get("valueName")
    kind = argument["kind"]
    if kind == "positional":
        tag = "\\fI" + roff(value or "value") + "\\fR"
    else:
        names = argument.get("names") or []
        spelled = []
        for name in names:
            dashes = "--" if name["kind"] == "long" else "-"
            spelled.append("\\fB" + roff(dashes + name["name"]) + "\\fR")
        tag = ", ".join(spelled)
        if kind == "option":
            tag += " \\fI" + roff(value or "value") + "\\fR"
    if argument.get("isRepeating") and kind != "flag":
        tag += " ..."
    help_text = argument.get("abstract") or ""
    values = argument.get("allValues")
    if values:
        help_text += " One of: " + ", ".join(values) + "."
    default = argument.get("defaultValue")
    if argument.get("preferredName", {}).get("name") == "content":
        default = CONTENT_DEFAULT
    if default and kind != "flag":
        help_text += " (default: " + default + ")"
    lines = [".TP", tag] + filled(help_text.strip())
    if argument.get("discussion"):
        for block in paragraphs(argument["discussion"]):
            lines += render_block(block)
    return lines


def synopsis(path, command):
    """`preflight build [--content dir] …` as in the usage line, with the option names in bold."""
    parts = ["\\fB" + roff(" ".join(path)) + "\\fR"]
    if command.get("subcommands"):
        parts.append("\\fIcommand\\fR")
    for argument in command.get("arguments") or []:
        if not argument.get("shouldDisplay", True) or argument.get("preferredName", {}).get("name") in ("help", "version"):
            continue
        if argument["kind"] == "positional":
            part = "\\fI" + roff(argument.get("valueName") or "value") + "\\fR"
        else:
            name = argument["preferredName"]
            part = "\\fB" + roff(("--" if name["kind"] == "long" else "-") + name["name"]) + "\\fR"
            if argument["kind"] == "option":
                part += " \\fI" + roff(argument.get("valueName") or "value") + "\\fR"
        if argument.get("isRepeating"):
            part += " ..."
        parts.append("[" + part + "]" if argument.get("isOptional") else part)
    return " ".join(parts)


def command_section(path, command):
    """A subsection of COMMANDS for one subcommand, and its own subcommands after it."""
    out = []
    if command.get("subcommands"):
        for sub in command["subcommands"]:
            if sub.get("shouldDisplay", True):
                out += command_section(path + [sub["commandName"]], sub)
        return out
    out += [".SS " + '"' + roff(" ".join(path[1:])) + '"'] + filled(command.get("abstract") or "") + [".PP", synopsis(path, command)]
    for block in paragraphs(command.get("discussion")):
        out += render_block(block)
    # --help and --version are the root's options; every subcommand repeating them is noise here.
    arguments = [argument for argument in command.get("arguments") or [] if argument.get("shouldDisplay", True)
                 and argument.get("preferredName", {}).get("name") not in ("help", "version")]
    if arguments:
        out += [".PP", "Options:", ".RS 4"]
        for argument in arguments:
            out += option_lines(argument)
        out += [".RE"]
    return out


def page(tool, date, version):
    command = tool["command"]
    description, labelled = split_discussion(command.get("discussion"))
    out = [
        '.\\" Generated by scripts/generate-manual.py from `preflight --experimental-dump-help`; do not edit.',
        '.TH PREFLIGHT 1 "%s" "%s" "User Commands"' % (date, roff(version)),
        # Option names and paths must not be broken at a hyphen, nor spread to fill the line.
        ".nh",
        ".ad l",
        ".SH NAME",
        "preflight \\- " + roff(command.get("abstract") or ""),
        ".SH SYNOPSIS",
        "\\fBpreflight\\fR \\fIcommand\\fR [\\fIoptions\\fR]",
        ".br",
        "\\fBpreflight\\fR \\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR | \\fB\\-\\-generate\\-completion\\-script\\fR \\fIshell\\fR",
        ".SH DESCRIPTION",
    ]
    for block in description:
        out += render_block(block)
    out += [".SH OPTIONS"]
    for argument in command.get("arguments") or []:
        out += option_lines(argument)
    out += [".SH COMMANDS"]
    for sub in command.get("subcommands") or []:
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            out += command_section(["preflight", sub["commandName"]], sub)
    for section in ("EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"):
        if section in labelled:
            out += [".SH " + section]
            for block in labelled[section]:
                out += render_block(block, as_list=section != "EXAMPLES")
    out += [".SH SEE ALSO", "\\fBpreflight <command> \\-\\-help\\fR prints the same text for one command."]
    # A paragraph break right after a heading is redundant, and linters say so.
    out = [line for index, line in enumerate(out) if not (line == ".PP" and out[index - 1].startswith((".SH", ".SS")))]
    return "\n".join(out) + "\n"


def main():
    arguments = sys.argv[1:]
    named = {}
    for option in ("--date", "--prefix"):
        if option in arguments:
            index = arguments.index(option)
            named[option] = arguments[index + 1]
            del arguments[index:index + 2]
    date = named.get("--date")
    if len(arguments) != 2:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    binary, output = arguments
    if date is None:
        # Reproducible builds name the day; otherwise today, in UTC.
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
        date = moment.strftime("%Y-%m-%d")
    tool = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True).stdout)
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.split(" (")[0].strip()
    with open(output, "w", encoding="utf-8") as file:
        text = page(tool, date, version)
        if "--prefix" in named:
            text = text.replace("PREFIX/", roff(named["--prefix"].rstrip("/")) + "/")
        file.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
