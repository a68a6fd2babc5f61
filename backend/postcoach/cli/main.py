"""The `postcoach` command: check drafts from the terminal, batch them, run the local server."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import cache, partial
from typing import TextIO

from postcoach import __version__
from postcoach.brand.profile import Profile
from postcoach.brand.store import Store
from postcoach.contract import LANGUAGES, PLATFORMS
from postcoach.engine import analyze, warm_up
from postcoach.errors import CommandError, InputError
from postcoach.history.store import HistoryStore, recent_posts
from postcoach.rules import all_rules

SCORE_LABELS = {
    "salesiness": ("Salesiness", "billboard", "balanced", "not salesy"),
    "interaction_value": ("Interaction", "invites conversation", "some", "one-way"),
    "tone_consistency": ("Tone", "on brand", "drifting", "off brand"),
}
LEVEL_COLOURS = {"error": "31", "warning": "33", "suggestion": "36"}


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments get one line on stderr, not the whole usage block."""

    def error(self, message: str) -> None:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _colour_enabled(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


def _paint(text: str, code: str, enabled: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if enabled else text


def _score_line(name: str, value: int, colour: bool) -> str:
    label, high, middle, low = SCORE_LABELS[name]
    good_when_high = name != "salesiness"
    words = high if value >= 67 else middle if value >= 34 else low
    healthy = value >= 67 if good_when_high else value < 34
    worrying = value < 34 if good_when_high else value >= 67
    code = "32" if healthy else "31" if worrying else "33"
    bar = "█" * round(value / 10) + "·" * (10 - round(value / 10))
    return f"  {label:<12} {_paint(f'{value:>3}', code, colour)} {bar}  {words}"


def _utf16_to_index(text: str, unit: int) -> int:
    count = 0
    for index, char in enumerate(text):
        if count >= unit:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _highlighted(text: str, hints: list[dict], colour: bool) -> str:
    spans = sorted(
        (_utf16_to_index(text, h["span"][0]), _utf16_to_index(text, h["span"][1]), h["level"])
        for h in hints
        if h["span"]
    )
    out, cursor = [], 0
    for start, end, level in spans:
        if start < cursor:
            continue
        out.append(text[cursor:start])
        word = text[start:end]
        out.append(_paint(word, "4;" + LEVEL_COLOURS[level], True) if colour else f"[{word}]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def render(text: str, result: dict, colour: bool) -> str:
    lines = [f"Language: {result['language']}", ""]
    lines += [_score_line(name, value, colour) for name, value in result["scores"].items()]
    tone = result["tone"]
    lines += [
        "",
        f"  Address: {tone['address_form']}   formality {tone['formality']}   "
        f"reading ease {tone['reading_ease']}   emoji {tone['emoji']}   "
        f"'!' {tone['exclamations']}   hashtags {tone['hashtags']}",
        "",
    ]
    if result["hints"]:
        lines += ["  " + line for line in _highlighted(text, result["hints"], colour).splitlines()]
        lines.append("")
    shown = set()
    for hint in result["hints"]:
        # One emoji hint per extra emoji is right for highlights, noise in a terminal.
        if (hint["rule"], hint["message"]) in shown:
            continue
        shown.add((hint["rule"], hint["message"]))
        level = _paint(hint["level"].upper(), LEVEL_COLOURS[hint["level"]], colour)
        lines.append(f"{level} {hint['message']}  ({hint['rule']})")
        lines.append(f"    → {hint['suggestion']}")
        lines.append(_paint(f"    {hint['source']}", "2", colour))
    if not result["hints"]:
        lines.append("No hints: nothing to change.")
    return "\n".join(lines)


def _read_text(argument: str) -> str:
    return sys.stdin.read() if argument == "-" else argument


def cmd_check(args: argparse.Namespace) -> int:
    text = _read_text(args.text)
    profile = _profiles(args)(args.platform)
    # The brand's recent posts on the other network: a draft that repeats one gets a hint.
    recent = recent_posts(HistoryStore(), args.platform, args.reply)
    result = analyze(text, platform=args.platform, reply=args.reply, profile=profile,
                     ui_lang=args.lang, recent_posts=recent)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(render(text, result, _colour_enabled(sys.stdout)))
    return 0


def _batch_error(line_id: object, code: str, message: str) -> dict:
    return {"id": line_id, "error": {"code": code, "message": message}}


def batch_line(
    line: str, defaults: argparse.Namespace, profile_for: Callable[[str], Profile | None]
) -> dict:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return _batch_error(None, "bad_json", f"not JSON: {error.msg} at column {error.colno}")
    if not isinstance(item, dict):
        return _batch_error(None, "bad_line", "each line must be a JSON object")
    line_id = item.get("id")
    platform = item.get("platform", defaults.platform)
    try:
        result = analyze(
            item.get("text"),
            platform=platform,
            reply=item.get("reply", defaults.reply),
            profile=profile_for(platform) if isinstance(platform, str) else None,
            ui_lang=defaults.lang,
        )
    except InputError as error:
        return _batch_error(line_id, "invalid_field", f"{error.field}: {error.message}")
    return {"id": line_id, **result}


def cmd_batch(args: argparse.Namespace) -> int:
    profile_for = _profiles(args)
    warm_up()
    write = sys.stdout.write
    for line in sys.stdin:
        if line.strip():
            write(json.dumps(batch_line(line, args, profile_for), ensure_ascii=False) + "\n")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.json:
        print(json.dumps([r.as_json(args.lang) for r in rules], ensure_ascii=False, indent=2))
        return 0
    for rule in rules:
        print(f"{rule.id:<34} {rule.level:<10} {rule.message[args.lang or 'en']}")
        print(f"{'':<34} {rule.source}")
    return 0


def _profiles(args: argparse.Namespace) -> Callable[[str], Profile | None]:
    """The profile for each platform: --profile NAME, else the one active for that platform
    (None: the built-in default). An unknown name fails now, before any draft is read."""
    store = Store()
    profile_for = cache(partial(store.profile_for, getattr(args, "profile", None)))
    profile_for(args.platform)
    return profile_for


def _add_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--platform", choices=PLATFORMS, default="generic")
    parser.add_argument("--reply", action="store_true",
                        help="the draft answers someone (turns on the conflict rules)")
    parser.add_argument("--profile", metavar="NAME", help="brand profile to check the tone against")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the hints")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="postcoach", description="Coaching for brand posts, computed on this machine."
    )
    parser.add_argument("--version", action="version", version=f"postcoach {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser("check", help="check one draft")
    check.add_argument("text", help="the draft, or - to read it from standard input")
    _add_check_options(check)
    check.add_argument("--json", action="store_true", help="print the result JSON")
    check.set_defaults(handler=cmd_check)

    batch = commands.add_parser("batch", help="check JSON Lines from standard input")
    _add_check_options(batch)
    batch.set_defaults(handler=cmd_batch)

    rules = commands.add_parser("rules", help="list the rule catalogue with its sources")
    rules.add_argument("--json", action="store_true")
    rules.add_argument("--lang", choices=LANGUAGES)
    rules.set_defaults(handler=cmd_rules)

    for register in _extra_commands():
        register(commands)
    return parser


def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    from postcoach.cli.extension import register as register_extension_command
    from postcoach.cli.history import register as register_history_commands
    from postcoach.cli.profile import register as register_profile_commands
    from postcoach.cli.server import register as register_server_commands
    from postcoach.cli.service import register as register_service_commands

    return [register_server_commands, register_profile_commands, register_service_commands,
            register_extension_command, register_history_commands]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except (CommandError, InputError) as error:
        print(f"postcoach: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
