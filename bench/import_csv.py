#!/usr/bin/env python3
"""Turns a synthetic population CSV (`jincai population generate --format csv`) into
the shape `jincai import dossiers` reads: identity columns first (document_kind,
document_number, name, nationality, employer_credit_code), then the dossier's inputs
without the fields the platform's records own (id, employer_id, its salary and
ownership). Chinese nationals get a valid GB 11643 resident ID number built from their
birth date, foreigners a passport number; both unique per row.
Usage: import_csv.py POPULATION.csv OUT.csv"""
import csv
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
OWNED = {"id", "employer_id", "employer_avg_monthly_salary_cny", "employer_ownership"}


def resident_id(birth_date, n):
    # Region 14xxxx (Shanxi) varies with n so that 1000 people per birthday stay unique.
    first17 = f"14{n // 1000 % 10000:04d}{birth_date.replace('-', '')}{n % 1000:03d}"
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def main(src, dst):
    with open(src, newline="") as f, open(dst, "w", newline="") as g:
        rows = csv.reader(f)
        header = next(rows)
        keep = [i for i, h in enumerate(header) if h not in OWNED and h not in ("name", "nationality")]
        at = {h: i for i, h in enumerate(header)}
        out = csv.writer(g, lineterminator="\n")
        out.writerow(["document_kind", "document_number", "name", "nationality", "employer_credit_code"]
                     + [header[i] for i in keep])
        for n, row in enumerate(rows):
            nat = row[at["nationality"]]
            if nat == "CN":
                doc = ("resident_id", resident_id(row[at["birth_date"]], n))
            else:
                doc = ("passport", f"P{n:08d}")
            out.writerow([doc[0], doc[1], row[at["name"]], nat, ""] + [row[i] for i in keep])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
