#!/usr/bin/env python3
"""Derives the real-world corpus expectations from the human labels.

Input:  Tests/RealWorldTests/Corpus/labels/*.json   (one per report, written by reading it:
                                                     sections, period, fee statement, every table
                                                     cell as printed, defects; see labels/SCHEMA.md)
        Tests/RealWorldTests/Corpus/overrides.yaml  (reviewed decisions the labels cannot give by
                                                     rule: reuse, narrative figures, and cases where
                                                     "could not verify" is the honest answer)
Output: Tests/RealWorldTests/Corpus/expectations.yaml

The outcome of each rule follows from the labels by the rule's definition (rules/*.yaml): the
arithmetic of the tables is redone here from the labelled cells, never taken from the program.
Run it after changing a label or an override:  python3 scripts/derive-expectations.py
"""
import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests/RealWorldTests/Corpus")
NUMERALS = ["一", "二", "三", "四", "五", "六"]

ROWS_2021_RESULTS = ["granted", "partly_granted"] + [f"withheld_{i}" for i in range(1, 9)] + \
    [f"unavailable_{i}" for i in range(1, 4)] + [f"not_processed_{i}" for i in range(1, 6)]
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def corpus_path(label_file):
    """Where the report the label describes is, relative to the repository root."""
    group, _, name = label_file.partition("/")
    if group == "seeds":
        return f"examples/reports/{name}"
    if group == "pingtan-departments":
        return f"Tests/RealWorldTests/Corpus/reports/pingtan-departments/{name}"
    if group == "incoming":
        return f"Tests/RealWorldTests/Corpus/reports/more/{name}"
    return f"Tests/RealWorldTests/Corpus/reports/realworld/{label_file}"


def sections_outcome(label, strict):
    if label["year"] is not None and label["year"] < 2019:
        return {"outcome": "not_applicable", "evidence": "before the 2019 format"}
    missing = [n for n in NUMERALS if not label["sections"][n]["present"]]
    if missing:
        return {"outcome": "fail", "evidence": "missing: " + "、".join(missing)}
    if strict:
        irregular = []
        for i, n in enumerate(NUMERALS):
            heading = label["sections"][n].get("heading")
            compact = re.sub(r"\s", "", heading or "").lstrip("#*")
            if not compact.startswith(n + "、"):
                irregular.append(f"{n}: {heading or '(no heading)'}")
        if irregular:
            return {"outcome": "fail", "evidence": "numbering: " + "; ".join(irregular)}
    return "pass"


def period_outcome(label, strict):
    p = label.get("period")
    year = label["year"]
    if not p:
        return {"outcome": "fail", "evidence": "no statistics period stated"}
    start, end = p["start"], p["end"]
    whole = start == f"{year}-01-01" and end == f"{year}-12-31"
    founded = (p.get("note") or "")
    founded_mid_year = end == f"{year}-12-31" and start.startswith(str(year)) and any(
        w in founded for w in ["created", "founded", "merger", "reorganis", "mid-year", "newly", "formed"])
    if not whole and not founded_mid_year:
        return {"outcome": "fail", "evidence": f"period {start}..{end}: {p['text']}"}
    if strict and p.get("location") not in ("intro", "section1_first_paragraph"):
        return {"outcome": "fail", "evidence": f"period stated only in {p.get('location')}: {p['text']}"}
    return "pass"


def fee_outcome(label, strict):
    year = label.get("year")
    if year is not None and year < 2021:
        return {"outcome": "not_applicable", "evidence": "the fee rule applies to reports of 2021 on"}
    fee = label.get("fee")
    if not fee:
        return {"outcome": "fail", "evidence": "no 信息处理费 statement: " + (label.get("fee_note") or "")[:120]}
    if strict and not (fee.get("states_notice_count") and fee.get("states_amount_collected")):
        lacks = [w for w, k in (("notice count", "states_notice_count"), ("amount collected", "states_amount_collected")) if not fee.get(k)]
        return {"outcome": "fail", "evidence": f"statement lacks {' and '.join(lacks)}: {fee['text']}"}
    return "pass"


def table_outcome(label):
    """The four identities of rules/standard.yaml, recomputed from the labelled cells."""
    if label.get("template") not in ("2019", "2021"):
        return {"outcome": "not_applicable", "evidence": "no template"}
    t3 = (label.get("table3") or {}).get("rows") or {}
    values = {k: (v or {}).get("values") for k, v in t3.items()}
    result_rows = ROWS_2021_RESULTS + (["other_processing"] if "other_processing" in values else ["other_1", "other_2", "other_3"])
    failures, unknown = [], []

    def cell(row, col):
        v = values.get(row)
        if v is None or len(v) != 7 or v[col] is None:
            return None
        return v[col]

    def check(name, left, right):
        if any(x is None for x in left + right):
            unknown.append(name)
        elif sum(left) != sum(right):
            failures.append(f"{name}: {sum(left)} != {sum(right)}")

    if not values:
        unknown.append("table 三 not found")
    else:
        for c in range(7):
            check(f"columns[{COLUMNS[c]}]", [cell("new", c), cell("carry_in", c)], [cell("results_total", c), cell("carry_over", c)])
            check(f"results[{COLUMNS[c]}]", [cell(r, c) for r in result_rows], [cell("results_total", c)])
        for row in ["new", "carry_in"] + result_rows + ["results_total", "carry_over"]:
            check(f"rows[{row}]", [cell(row, c) for c in range(6)], [cell(row, 6)])
    t4 = (label.get("table4") or {}).get("values")
    if not t4 or len(t4) != 15:
        unknown.append("table 四 not read")
    else:
        for b, name in enumerate(["行政复议", "未经复议直接起诉", "复议后起诉"]):
            block = t4[b * 5:(b + 1) * 5]
            check(f"review[{name}]", block[:4], block[4:])
    if failures:
        return {"outcome": "fail", "evidence": "; ".join(failures)}
    if unknown:
        return {"outcome": "unverifiable", "evidence": "cannot be read with certainty: " + ", ".join(unknown[:6])}
    return "pass"


def crawl_date(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
        head = f.read(6000)
    # A crawler's 发布时间: header, or the page's own 发布日期： stamp above the report.
    m = re.search(r"发布(?:时间|日期)[:：]\s*(\d{4}-\d{2}-\d{2})", head)
    return m.group(1) if m else None


def level(agency):
    """By reading the name: a 局/委/办公室/厅 is a department (due 31 January); a government or a
    zone's administrative committee (实验区) is a government (due 31 March)."""
    a = agency or ""
    if re.search(r"(人民政府|实验区|新区|开发区)$", a) and not re.search(r"(乡|镇|街道)", a):
        return "government"
    if re.search(r"(局|委员会|委|办公室|办公厅|厅|中心)$", a):
        return "department"
    if re.search(r"(乡|镇|街道|办事处)", a):
        return "township"
    return None


def dated_outcome(label, path):
    date = label.get("signature_date") or crawl_date(path)
    if not date:
        return {"outcome": "fail", "evidence": "no date in the text"}
    lvl = level(label.get("agency"))
    if lvl is None or label.get("year") is None:
        return {"outcome": "unverifiable", "evidence": f"dated {date}; level unknown"}
    if lvl == "township":
        return "pass"
    # Reports of 2018 and earlier: the 2008 条例 第三十一条, every agency by 3月31日.
    month_day = "03-31" if label["year"] <= 2018 or lvl != "department" else "01-31"
    deadline = f"{label['year'] + 1}-{month_day}"
    return {"outcome": "fail", "evidence": f"dated {date} after {deadline}"} if date > deadline else "pass"


def derive(label):
    path = corpus_path(label["file"])
    std = {
        "sections.required": sections_outcome(label, False),
        "period.stated": period_outcome(label, False),
        "fees.disclosed": fee_outcome(label, False),
        "tables.balance": table_outcome(label),
        "narrative.reuse": "pass",
        "numbers.consistent": "pass" if label.get("template") in ("2019", "2021") else {"outcome": "not_applicable", "evidence": "no template"},
        "carry.consistent": {"outcome": "not_applicable", "evidence": "run without --history"},
    }
    strict = dict(std)
    strict.update({
        "sections.required": sections_outcome(label, True),
        "period.stated": period_outcome(label, True),
        "fees.disclosed": fee_outcome(label, True),
        "report.dated": dated_outcome(label, path),
        "problems.substantive": "pass" if (label.get("problems_section") or {}).get("substantive", True) or not label["sections"]["五"]["present"]
        else {"outcome": "fail", "evidence": (label.get("problems_section") or {}).get("note", "")[:160]},
        "years.current": {"outcome": "fail", "evidence": "; ".join(str(s) for s in label["stale_years"])[:200]} if label.get("stale_years") else "pass",
    })
    if not label["sections"]["五"]["present"]:
        strict["problems.substantive"] = {"outcome": "not_applicable", "evidence": "no section 五"}
    if label["year"] is not None and label["year"] < 2019 and label.get("template") is None:
        strict["problems.substantive"] = "pass" if label["sections"]["五"]["present"] else {"outcome": "not_applicable", "evidence": "no section 五"}
    return path, {"agency": label.get("agency"), "year": label.get("year"), "template": label.get("template"), "standard": std, "strict": strict}


def main():
    labels = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(CORPUS, "labels/*.json")))]
    overrides = yaml.safe_load(open(os.path.join(CORPUS, "overrides.yaml"), encoding="utf-8")) or []
    out = {}
    for label in labels:
        path, e = derive(label)
        out[path] = e
    used = set()
    for i, o in enumerate(overrides):
        path = o["file"]
        if path not in out:
            sys.exit(f"override {i}: no label for {path}")
        for s in o.get("sets", ["standard", "strict"]):
            if o["rule"] not in out[path][s]:
                sys.exit(f"override {i}: rule {o['rule']} is not in {s}")
            entry = {"outcome": o["outcome"], "evidence": o["why"]}
            if o.get("accept"):
                entry["accept"] = o["accept"]
            out[path][s][o["rule"]] = entry
            used.add(i)
    yaml.SafeDumper.ignore_aliases = lambda *args: True
    with open(os.path.join(CORPUS, "expectations.yaml"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/derive-expectations.py from labels/*.json and overrides.yaml; do not edit.\n")
        f.write("# Per report and rule set: each rule's expected outcome (pass, fail, unverifiable,\n")
        f.write("# not_applicable), with the evidence from the labels; `accept` lists outcomes that are also\n")
        f.write("# right (an honest 'could not verify' where the text cannot be read with certainty).\n")
        yaml.safe_dump([{"file": k, **v} for k, v in sorted(out.items())], f, allow_unicode=True, sort_keys=False, width=200)
    print(f"{len(out)} reports, {len(used)} overrides applied")


if __name__ == "__main__":
    main()
