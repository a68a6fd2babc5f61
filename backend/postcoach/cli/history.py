"""`postcoach history import|list|export|clear|settings` and `postcoach report`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from postcoach.brand.store import Store
from postcoach.contract import LANGUAGES
from postcoach.errors import CommandError
from postcoach.history.model import NETWORKS
from postcoach.history.recording import FileOutcome, import_files
from postcoach.history.report import measures, page
from postcoach.history.store import Filters, HistoryOff, HistoryStore, parse_moment


def _moment(value: str | None, name: str):
    return parse_moment(value, name) if value else None


def _filters(args: argparse.Namespace) -> Filters:
    reply = True if getattr(args, "replies", False) else False if getattr(
        args, "posts", False) else None
    return Filters(network=getattr(args, "network", None), reply=reply,
                   since=_moment(args.since, "since"), until=_moment(args.until, "until"),
                   brand=getattr(args, "brand", None))


def _say_outcome(outcome: FileOutcome) -> None:
    report = outcome.report
    kinds = ", ".join(outcome.formats)
    line = f"{outcome.name} ({kinds}): took {report.taken}, already had {report.already_had}"
    if report.updated:
        line += f" (figures updated on {report.updated})"
    skipped = sum(report.skipped.values())
    line += f", skipped {skipped}"
    print(line + ("" if skipped else "."))
    for reason, number in sorted(report.skipped.items(), key=lambda item: -item[1]):
        print(f"    {number} × {reason}")


def cmd_import(args: argparse.Namespace) -> int:
    files = []
    for name in args.files:
        try:
            files.append((name, Path(name).read_bytes()))
        except OSError as error:
            raise CommandError(f"cannot read {name}: {error.strerror}") from None
    store = HistoryStore()
    started = time.perf_counter()
    try:
        outcomes = import_files(store, Store(), files, brand=args.brand, progress=_say_outcome)
    except HistoryOff as error:
        raise CommandError(str(error)) from None
    taken = sum(o.report.taken for o in outcomes)
    print(f"History: {store.count()} posts and replies ({taken} new, "
          f"{time.perf_counter() - started:.1f} s).")
    retention = store.settings().retention_days
    if any(o.report.skipped.get("older than the retention period") for o in outcomes):
        print(f"Posts older than {retention} days are not kept: "
              "`postcoach history settings --keep-forever` keeps everything.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    total, rows = HistoryStore().page(_filters(args), limit=args.limit, offset=args.offset)
    if args.json:
        print(json.dumps({"total": total, "posts": rows}, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        kind = "reply" if row["reply"] else "post "
        scores = row["analysis"]
        figures = row["figures"]
        known = "" if figures["comments"] is None else \
            f"  {figures['comments']} comments, {figures['reactions']} reactions"
        text = " ".join(row["text"].split())
        print(f"{row['published_at'][:16].replace('T', ' ')}  {row['network']:<8} {kind} "
              f"sales {scores['salesiness']:>3} inter {scores['interaction']:>3}{known}")
        print(f"    {text[:110]}{'…' if len(text) > 110 else ''}")
    print(f"{len(rows)} of {total} shown" + (" (--limit, --offset for more)" if total > len(rows)
                                             else ""))
    return 0


def export_document(store: HistoryStore, filters: Filters | None = None) -> dict:
    return {"format": "postcoach-history", "version": 1,
            "settings": store.settings().as_json(),
            "posts": list(store.rows(filters or Filters()))}


def cmd_export(args: argparse.Namespace) -> int:
    document = json.dumps(export_document(HistoryStore(), _filters(args)), ensure_ascii=False,
                          indent=1)
    if args.output in (None, "-"):
        sys.stdout.write(document + "\n")
    else:
        try:
            Path(args.output).write_text(document + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {args.output}: {error.strerror}") from None
        print(f"Exported {len(json.loads(document)['posts'])} posts to {args.output}",
              file=sys.stderr)
    return 0


def cmd_clear(args: argparse.Namespace) -> int:
    store = HistoryStore()
    if not args.yes:
        raise CommandError(f"this deletes all {store.count()} posts and replies of the history; "
                           "run `postcoach history clear --yes` to do it")
    print(f"Deleted {store.clear()} posts and replies.")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    store = HistoryStore()
    changes = {}
    if args.enabled is not None:
        changes["enabled"] = args.enabled
    if args.keep_forever:
        changes["retention_days"] = None
    elif args.retention_days is not None:
        changes["retention_days"] = args.retention_days
    settings, deleted = store.update_settings(**changes) if changes else (store.settings(), 0)
    state = "on" if settings.enabled else "off"
    keep = "forever" if settings.retention_days is None else f"{settings.retention_days} days"
    print(f"History is {state}; posts are kept {keep}.")
    if deleted:
        print(f"Deleted {deleted} posts older than that.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    store = HistoryStore()
    filters = _filters(args)
    started = time.perf_counter()
    data = measures.build(store.rows(filters), since=filters.since, until=filters.until,
                          brand=args.brand)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    out = Path(args.html)
    page.write(data, out, args.lang)
    totals = data["totals"]
    print(f"Report on {totals['posts']} posts and {totals['replies']} replies written to {out} "
          f"({time.perf_counter() - started:.1f} s); open it in a browser.")
    return 0


def _add_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="from this date (2024-01-31)")
    parser.add_argument("--until", metavar="DATE", help="before this date")


def register(commands: argparse._SubParsersAction) -> None:
    history = commands.add_parser("history", help="the brand's published posts: import, list, "
                                  "export, clear, settings")
    actions = history.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing = actions.add_parser("import", help="import the networks' exports (Facebook JSON "
                                   "or ZIP, Meta Business Suite CSV, LinkedIn Shares.csv or "
                                   "Page XLSX, a Post Coach export)")
    importing.add_argument("files", nargs="+", metavar="FILE")
    importing.add_argument("--brand", metavar="NAME", help="the brand profile these posts are "
                           "checked against (default: the one active for each network)")
    importing.set_defaults(handler=cmd_import)

    listing = actions.add_parser("list", help="the newest posts first")
    listing.add_argument("--network", choices=NETWORKS)
    kind = listing.add_mutually_exclusive_group()
    kind.add_argument("--replies", action="store_true", help="replies only")
    kind.add_argument("--posts", action="store_true", help="posts only")
    _add_period(listing)
    listing.add_argument("--brand", metavar="NAME")
    listing.add_argument("--limit", type=int, default=20)
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)

    exporting = actions.add_parser("export", help="the whole history as JSON (import brings it "
                                   "back)")
    exporting.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    _add_period(exporting)
    exporting.set_defaults(handler=cmd_export)

    clearing = actions.add_parser("clear", help="delete all history")
    clearing.add_argument("--yes", action="store_true", help="really delete it")
    clearing.set_defaults(handler=cmd_clear)

    settings = actions.add_parser("settings", help="show or change: on/off, retention")
    switch = settings.add_mutually_exclusive_group()
    switch.add_argument("--on", dest="enabled", action="store_const", const=True)
    switch.add_argument("--off", dest="enabled", action="store_const", const=False)
    keep = settings.add_mutually_exclusive_group()
    keep.add_argument("--retention-days", type=int, metavar="DAYS")
    keep.add_argument("--keep-forever", action="store_true")
    settings.set_defaults(handler=cmd_settings, enabled=None)

    report = commands.add_parser("report", help="what the history says: one HTML file")
    report.add_argument("--brand", metavar="NAME", help="only the posts of this brand profile")
    _add_period(report)
    output = report.add_mutually_exclusive_group(required=True)
    output.add_argument("--html", metavar="OUT", help="the HTML file to write")
    output.add_argument("--json", action="store_true", help="print the report's numbers")
    report.add_argument("--lang", choices=LANGUAGES, default="fr", help="the language it opens "
                        "in (it has a French/English switch)")
    report.set_defaults(handler=cmd_report)
