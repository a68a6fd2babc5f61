"""`postcoach profile …`: learn, list, show, import, export, delete and choose brand profiles."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from postcoach.brand.profile import Profile, describe, learn
from postcoach.brand.samples import parse_samples
from postcoach.brand.store import ProfileNotFound, Store
from postcoach.brand.voice import NotEnoughSamples
from postcoach.contract import LANGUAGES, PLATFORMS
from postcoach.errors import CommandError


def _read(path: str) -> tuple[str, str]:
    if path == "-":
        return sys.stdin.read(), ""
    try:
        return Path(path).read_text(encoding="utf-8-sig"), path
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror}") from None


def _existing(store: Store, name: str) -> tuple[Profile, int]:
    try:
        return store.get(name)
    except ProfileNotFound as error:
        raise CommandError(str(error)) from None


def cmd_list(args: argparse.Namespace) -> int:
    store = Store()
    active = store.active()
    names = store.names()
    if not names:
        print("No profiles yet. Learn one: postcoach profile learn NAME --from posts.txt")
        return 0
    for name in names:
        profile, version = store.get(name)
        platforms = [p for p, n in active.items() if n.lower() == name.lower()]
        used = f"  active on {', '.join(sorted(platforms))}" if platforms else ""
        learned = f"learned from {profile.samples} posts" if profile.fingerprint else "not learned"
        print(f"{name:<24} {learned:<26} v{version}{used}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    profile, version = _existing(Store(), args.name)
    if args.json:
        print(json.dumps({**profile.to_dict(with_fingerprint=False), "version": version},
                         ensure_ascii=False, indent=2))
    else:
        print(profile.name)
        for line in describe(profile, args.lang):
            print(f"  {line}")
    return 0


def cmd_learn(args: argparse.Namespace) -> int:
    content, filename = _read(args.source)
    samples = parse_samples(content, filename, args.column)
    if args.platform:
        samples = [replace(s, platform=s.platform or args.platform) for s in samples]
    store = Store()
    try:
        base = store.get(args.name)[0]
    except ProfileNotFound:
        base = None
    try:
        profile = learn(args.name, samples, base)
    except NotEnoughSamples as error:
        raise CommandError(str(error)) from None
    store.save(profile)
    print(f"Learned '{profile.name}' from {profile.samples} posts:")
    for line in describe(profile, args.lang):
        print(f"  {line}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    content, _ = _read(args.file)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise CommandError(f"{args.file} is not JSON: {error.msg}") from None
    items = data if isinstance(data, list) else [data]
    store = Store()
    for item in items:
        if isinstance(item, dict):
            item = {k: v for k, v in item.items() if k != "version"}
            if args.name:
                item["name"] = args.name
        profile = Profile.from_dict(item)
        if not args.replace and profile.name.lower() in (n.lower() for n in store.names()):
            raise CommandError(
                f"a profile named '{profile.name}' exists; use --replace or --name")
        store.save(profile)
        print(f"Imported '{profile.name}'.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    profile, _ = _existing(Store(), args.name)
    text = json.dumps(profile.to_dict(), ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"Exported '{profile.name}' to {args.output}.")
    else:
        print(text)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    try:
        Store().delete(args.name)
    except ProfileNotFound as error:
        raise CommandError(str(error)) from None
    print(f"Deleted '{args.name}'.")
    return 0


def cmd_use(args: argparse.Namespace) -> int:
    store = Store()
    platforms = [args.platform] if args.platform else list(PLATFORMS)
    try:
        for platform in platforms:
            store.set_active(platform, None if args.name == "none" else args.name)
    except ProfileNotFound as error:
        raise CommandError(str(error)) from None
    target = "the built-in default" if args.name == "none" else f"'{args.name}'"
    print(f"Drafts on {', '.join(platforms)} are now checked against {target}.")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    profile = commands.add_parser("profile", help="brand profiles: learn a voice and manage it")
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True)

    def action(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text)
        parser.set_defaults(handler=handler)
        return parser

    action("list", cmd_list, "list the profiles and where each is active")
    show = action("show", cmd_show, "describe a profile's voice in plain words")
    show.add_argument("name")
    show.add_argument("--json", action="store_true")
    show.add_argument("--lang", choices=LANGUAGES, default="en")

    learn_parser = action("learn", cmd_learn, "learn a voice from the brand's own posts")
    learn_parser.add_argument("name")
    learn_parser.add_argument("--from", dest="source", required=True, metavar="FILE",
                              help="one post per line, a CSV or JSON export, or - for stdin")
    learn_parser.add_argument("--column", help="the CSV/JSON column holding the text")
    learn_parser.add_argument("--platform", choices=PLATFORMS,
                              help="the network these posts were published on")
    learn_parser.add_argument("--lang", choices=LANGUAGES, default="en")

    import_parser = action("import", cmd_import, "import profiles from a JSON export")
    import_parser.add_argument("file")
    import_parser.add_argument("--name", help="import under another name")
    import_parser.add_argument("--replace", action="store_true", help="overwrite a profile")

    export = action("export", cmd_export, "export a profile as JSON")
    export.add_argument("name")
    export.add_argument("--output", "-o", metavar="FILE")

    delete = action("delete", cmd_delete, "delete a profile")
    delete.add_argument("name")

    use = action("use", cmd_use, "check drafts against this profile (or 'none')")
    use.add_argument("name")
    use.add_argument("--platform", choices=PLATFORMS, help="only on this network")

