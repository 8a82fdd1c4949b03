#!/usr/bin/env python3
"""Build assets/shenzhen.json from the reference data in ../shared/data.

A maintainer's tool, not part of the product: the dashboard reads only the
JSON it writes. Every point is copied with its value text (so its precision),
confidence, flags, sources and note; nothing is computed or filled in. The
page layout and the series breaks (annotations taken from the reference
README's "Breaks and vintages") are declared below.

    python3 scripts/build_asset.py ../shared/data > assets/shenzhen.json

With --china it writes the small national example instead: only the
indicators china_gdp and china_rd_intensity, only the sources their points
cite (copied whole, in sources.csv order), no events and no highlights (the
reference data has no national ones), and the pages in CHINA_PAGES:

    python3 scripts/build_asset.py --china ../shared/data > assets/examples/china.json
"""
import csv
import json
import re
import sys
from pathlib import Path

BREAKS = {
    "rd_intensity": [{"year": 2019, "label": "method change"}],
    "population": [{"year": 2020, "label": "census correction"}],
}

PAGES = [
    {
        "id": "overview",
        "title": "Overview",
        "tiles": [
            {"indicator": "gdp", "label": "GDP", "since": 2012},
            {"indicator": "rd_intensity", "label": "R&D intensity", "since": 2012},
            {"indicator": "trade", "label": "Goods trade"},
            {"indicator": "population", "label": "Residents"},
            {"indicator": "market_entities", "label": "Market entities"},
        ],
        "highlights": ["h_gdp_doubled", "h_entrepreneurs", "h_export_streak"],
        "growth": ["gdp", "rd_spending", "trade"],
    },
    {
        "id": "gdp",
        "title": "GDP",
        "charts": [
            {"title": "Nominal GDP, first published", "kind": "bar",
             "series": [{"indicator": "gdp"}]},
            {"title": "Real GDP growth", "kind": "line",
             "series": [{"indicator": "gdp_growth", "label": "growth at comparable prices"}]},
            {"title": "GDP vintages", "kind": "line",
             "series": [{"indicator": "gdp", "label": "first published"},
                        {"indicator": "gdp_revised", "label": "Yearbook 2020 revision"}]},
        ],
    },
    {
        "id": "rd",
        "title": "R&D",
        "charts": [
            {"title": "R&D intensity", "kind": "line",
             "series": [{"indicator": "rd_intensity", "label": "Shenzhen"},
                        {"indicator": "china_rd_intensity", "label": "China"}]},
            {"title": "R&D spending", "kind": "bar",
             "series": [{"indicator": "rd_spending"}]},
        ],
    },
    {
        "id": "trade",
        "title": "Trade",
        "charts": [
            {"title": "Goods exports and imports", "kind": "bar",
             "series": [{"indicator": "exports", "label": "exports"},
                        {"indicator": "imports", "label": "imports"}]},
            {"title": "Total goods trade", "kind": "bar",
             "series": [{"indicator": "trade"}]},
        ],
    },
    {
        "id": "people",
        "title": "People & firms",
        "charts": [
            {"title": "Permanent residents, year-end", "kind": "bar",
             "series": [{"indicator": "population"}]},
            {"title": "Registered market entities", "kind": "bar",
             "series": [{"indicator": "market_entities"}]},
        ],
    },
    {
        "id": "innovation",
        "title": "Innovation",
        "charts": [
            {"title": "Strategic emerging industries, share of GDP", "kind": "line",
             "series": [{"indicator": "sei_share", "label": "Shenzhen definition"}]},
            {"title": "PCT international patent applications", "kind": "bar",
             "series": [{"indicator": "pct_applications"}]},
            {"title": "Strategic emerging industries, value added", "kind": "bar",
             "series": [{"indicator": "sei_value", "label": "Shenzhen definition"}]},
        ],
    },
]

CHINA_INDICATORS = ["china_gdp", "china_rd_intensity"]

CHINA_PAGES = [
    {
        "id": "overview",
        "title": "Overview",
        "tiles": [
            {"indicator": "china_gdp", "label": "GDP", "since": 2015},
            {"indicator": "china_rd_intensity", "label": "R&D intensity", "since": 2015},
        ],
    },
    {
        "id": "gdp",
        "title": "GDP",
        "charts": [
            {"title": "Nominal GDP, first published", "kind": "bar",
             "series": [{"indicator": "china_gdp"}]},
        ],
    },
    {
        "id": "rd",
        "title": "R&D",
        "charts": [
            {"title": "R&D intensity, first published", "kind": "line",
             "series": [{"indicator": "china_rd_intensity"}]},
        ],
    },
]


def split(field):
    return [part.strip() for part in field.split(";") if part.strip()]


def rows(folder, name):
    with open(folder / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def raw_number(text):
    assert re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text), text
    return "__RAW__" + text


def indicator_entry(ind, points):
    """One indicator with its metadata and every point the reference data has for it."""
    series = sorted((p for p in points if p["indicator"] == ind["id"]), key=lambda p: int(p["year"]))
    entry = {k: ind[k] for k in ("id", "name", "unit", "scope", "definition", "notes")}
    if ind["id"] in BREAKS:
        entry["breaks"] = BREAKS[ind["id"]]
    entry["points"] = [
        {
            "year": int(p["year"]),
            "value": raw_number(p["value"]),
            "confidence": p["confidence"],
            "flags": split(p["flags"]),
            "sources": split(p["sources"]),
            **({"note": p["note"]} if p["note"] else {}),
        }
        for p in series
    ]
    return entry


def shenzhen(folder):
    points = rows(folder, "points.csv")
    return {
        "city": "Shenzhen",
        "title": "Shenzhen economy",
        "indicators": [indicator_entry(ind, points) for ind in rows(folder, "indicators.csv")],
        "events": [{"date": e["date"], "label": e["label"], "sources": split(e["sources"])}
                   for e in rows(folder, "events.csv")],
        "highlights": [
            {"id": h["id"], "text": h["text"], "value": raw_number(h["value"]), "unit": h["unit"],
             "as_of": h["as_of"], "confidence": h["confidence"], "sources": split(h["sources"])}
            for h in rows(folder, "highlights.csv")
        ],
        "sources": rows(folder, "sources.csv"),
        "pages": PAGES,
    }


def china(folder):
    points = rows(folder, "points.csv")
    by_id = {ind["id"]: ind for ind in rows(folder, "indicators.csv")}
    indicators = [indicator_entry(by_id[i], points) for i in CHINA_INDICATORS]
    cited = {s for ind in indicators for p in ind["points"] for s in p["sources"]}
    sources = [s for s in rows(folder, "sources.csv") if s["id"] in cited]
    missing = cited - {s["id"] for s in sources}
    assert not missing, f"cited but not in sources.csv: {sorted(missing)}"
    return {
        "city": "China",
        "title": "China economy",
        "indicators": indicators,
        "sources": sources,
        "pages": CHINA_PAGES,
    }


def is_flat(value):
    """A scalar, or a list of scalars."""
    scalar = lambda v: not isinstance(v, (dict, list))
    return scalar(value) or (isinstance(value, list) and all(map(scalar, value)))


def dump(value, level=0):
    """JSON with one record per line: an object of scalars and lists of scalars (a point, a
    source, a tile) is written on one line, so a year's value, sources and note read together;
    what holds objects is spread over lines, one space deeper a level. Less whitespace for the
    dashboard to skip when it parses the file at every launch, too."""
    record = isinstance(value, dict) and all(map(is_flat, value.values()))
    if is_flat(value) or record:
        return json.dumps(value, ensure_ascii=False)
    pad = " " * (level + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dump(v, level + 1)}" for k, v in value.items()]
        brackets = "{}"
    else:
        items = [pad + dump(v, level + 1) for v in value]
        brackets = "[]"
    if not items:
        return brackets
    return brackets[0] + "\n" + ",\n".join(items) + "\n" + " " * level + brackets[1]


def main():
    args = sys.argv[1:]
    build = shenzhen
    if args and args[0] == "--china":
        build = china
        args = args[1:]
    folder = Path(args[0] if args else "../shared/data")
    text = dump(build(folder))
    print(re.sub(r'"__RAW__(-?[0-9.]+)"', r"\1", text))


if __name__ == "__main__":
    main()
