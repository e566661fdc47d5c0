#!/usr/bin/env python3
"""The peer of issue 8: the same export, written as a competent engineer would with Finch's official
Python SDK (finch-api) and XlsxWriter in constant-memory mode.

For every token of a roster CSV (the file `paybatch roster import` reads): introspect, company,
directory (paged, 5000 a page), individuals and employments in batches of 10,000, the period's
payments, pay statements ten payments a call at limit 5000 with offset paging; rows streamed to CSV
files and one XLSX workbook (employees, payments, pay statements, lines). Connections run in a thread
pool (the SDK's sync client is thread-safe and shares one httpx connection pool); rate limits are left
to the SDK's own retry, which honours Retry-After on 429. An httpx event hook counts every response
by status, so the 429s the SDK received (and retried) are known.

Usage: FINCH_BASE_URL=http://127.0.0.1:PORT finch_sdk_export.py ROSTER.csv --period 2026-10 --out DIR
Prints one JSON object on stdout: connections by outcome, rows per table, requests and 429s, seconds.
Tokens are never printed: a failed connection is named by its roster line and the token's last four.
"""

import argparse
import calendar
import csv
import json
import os
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed

import httpx
import xlsxwriter
from finch import Finch, APIStatusError, APIConnectionError

DIRECTORY_PAGE = 5000
BATCH = 10000
STATEMENT_PAGE = 5000
PAYMENTS_PER_CALL = 10

TABLES = {
    "employees": [
        "customer_id", "company_id", "connection_id", "provider_id", "individual_id", "source_id",
        "first_name", "middle_name", "last_name", "preferred_name", "work_email", "personal_email",
        "title", "department", "manager_id", "employment_type", "employment_subtype", "employment_status",
        "is_active", "start_date", "end_date", "latest_rehire_date", "flsa_status", "income_amount",
        "income_currency", "income_unit", "income_effective_date", "work_city", "work_state", "work_country",
    ],
    "payments": [
        "customer_id", "company_id", "connection_id", "provider_id", "payment_id", "pay_date", "debit_date",
        "period_start", "period_end", "currency", "gross_pay", "net_pay", "employer_taxes",
        "employee_taxes", "company_debit", "individual_count", "pay_frequencies",
    ],
    "pay_statements": [
        "customer_id", "company_id", "connection_id", "payment_id", "pay_date", "individual_id", "type",
        "payment_method", "total_hours", "currency", "gross_pay", "net_pay",
    ],
    "pay_statement_lines": [
        "connection_id", "payment_id", "individual_id", "pay_date", "category", "type", "name", "amount",
        "currency", "hours", "employer", "pre_tax",
    ],
}
MONEY = {"gross_pay", "net_pay", "employer_taxes", "employee_taxes", "company_debit", "amount", "income_amount"}


def money(m):
    """Cents to major units, as most SDK users would write it (a float)."""
    return None if m is None or m.amount is None else m.amount / 100


class Sink:
    """CSV files plus one constant-memory workbook; one lock, since worker threads write rows as they go."""

    def __init__(self, folder):
        os.makedirs(folder, exist_ok=True)
        self.lock = threading.Lock()
        self.files, self.writers, self.sheets, self.next_row = {}, {}, {}, {}
        self.book = xlsxwriter.Workbook(os.path.join(folder, "peer.xlsx"), {"constant_memory": True})
        self.money_format = self.book.add_format({"num_format": "#,##0.00"})
        self.rows = Counter()
        for name, columns in TABLES.items():
            f = open(os.path.join(folder, name + ".csv"), "w", newline="", encoding="utf-8")
            self.files[name] = f
            self.writers[name] = csv.writer(f)
            self.writers[name].writerow(columns)
            sheet = self.book.add_worksheet(name.replace("_", " ").title()[:31])
            sheet.write_row(0, 0, columns)
            sheet.freeze_panes(1, 0)
            self.sheets[name] = sheet
            self.next_row[name] = 1

    def write(self, name, rows):
        columns = TABLES[name]
        with self.lock:
            sheet, writer = self.sheets[name], self.writers[name]
            for row in rows:
                values = [row.get(c) for c in columns]
                writer.writerow(["" if v is None else v for v in values])
                r = self.next_row[name]
                for c, (column, v) in enumerate(zip(columns, values)):
                    if v is None:
                        continue
                    if column in MONEY:
                        sheet.write_number(r, c, v, self.money_format)
                    elif isinstance(v, bool):
                        sheet.write_boolean(r, c, v)
                    elif isinstance(v, (int, float)):
                        sheet.write_number(r, c, v)
                    else:
                        sheet.write_string(r, c, str(v))
                self.next_row[name] = r + 1
                self.rows[name] += 1

    def close(self):
        for name, sheet in self.sheets.items():
            sheet.autofilter(0, 0, max(self.next_row[name] - 1, 1), len(TABLES[name]) - 1)
        self.book.close()
        for f in self.files.values():
            f.close()


def first_email(individual, kind):
    for e in individual.emails or []:
        if e is not None and e.type == kind:
            return e.data
    return None


def employee_rows(base, directory, individuals, employments):
    for person in directory:
        ind, emp = individuals.get(person.id), employments.get(person.id)
        row = dict(base, individual_id=person.id, first_name=person.first_name,
                   middle_name=person.middle_name, last_name=person.last_name, is_active=person.is_active,
                   department=person.department.name if person.department else None,
                   manager_id=person.manager.id if person.manager else None)
        if ind is not None:
            row.update(preferred_name=ind.preferred_name, work_email=first_email(ind, "work"),
                       personal_email=first_email(ind, "personal"))
        if emp is not None:
            kind = emp.employment
            income, loc = emp.income, emp.location
            row.update(
                source_id=emp.source_id, title=emp.title, employment_status=emp.employment_status,
                employment_type=kind.type if kind else None, employment_subtype=kind.subtype if kind else None,
                start_date=emp.start_date, end_date=emp.end_date, latest_rehire_date=emp.latest_rehire_date,
                flsa_status=emp.flsa_status,
                income_amount=None if income is None or income.amount is None else income.amount / 100,
                income_currency=(income.currency or "").upper() or None if income else None,
                income_unit=income.unit if income else None,
                income_effective_date=income.effective_date if income else None,
                work_city=loc.city if loc else None, work_state=loc.state if loc else None,
                work_country=loc.country if loc else None)
            if emp.department is not None:
                row["department"] = emp.department.name
            if emp.manager is not None:
                row["manager_id"] = emp.manager.id
            if emp.is_active is not None:
                row["is_active"] = emp.is_active
        yield row


def batch_bodies(page):
    """Items of a batch answer that succeeded, by individual id."""
    return {item.individual_id: item.body for item in page.responses if item.code == 200}


def line_rows(key, statement):
    def line(category, item, **extra):
        return dict(key, category=category, type=item.type, name=item.name, amount=None if item.amount is None else item.amount / 100,
                    currency=(item.currency or "").upper() or None, **extra)

    for e in statement.earnings or []:
        if e is not None:
            yield line("earning", e, hours=e.hours)
    for t in statement.taxes or []:
        if t is not None:
            yield line("tax", t, employer=t.employer)
    for d in statement.employee_deductions or []:
        if d is not None:
            yield line("employee_deduction", d, pre_tax=d.pre_tax)
    for c in statement.employer_contributions or []:
        if c is not None:
            yield line("employer_contribution", c)


def export_connection(client, customer_id, start, end, sink):
    """One connection, start to end; returns its outcome."""
    info = client.account.introspect()
    status = info.connection_status.status if info.connection_status else None
    if status in ("reauth", "pending", "processing", "error_no_account_setup", "error_permissions"):
        return status
    base = dict(customer_id=customer_id, company_id=info.company_id, connection_id=info.connection_id,
                provider_id=info.provider_id)
    client.hris.company.retrieve()
    directory = list(client.hris.directory.list(limit=DIRECTORY_PAGE))  # the SDK pages on its own
    for i in range(0, len(directory), BATCH):
        chunk = directory[i:i + BATCH]
        requests = [{"individual_id": p.id} for p in chunk]
        individuals = batch_bodies(client.hris.individuals.retrieve_many(requests=requests))
        employments = batch_bodies(client.hris.employments.retrieve_many(requests=requests))
        sink.write("employees", employee_rows(base, chunk, individuals, employments))
    payments = list(client.hris.payments.list(start_date=start, end_date=end))
    pay_dates = {}
    rows = []
    for p in payments:
        pay_dates[p.id] = p.pay_date
        money_of = p.gross_pay or p.net_pay
        rows.append(dict(
            base, payment_id=p.id, pay_date=p.pay_date, debit_date=p.debit_date,
            period_start=p.pay_period.start_date if p.pay_period else None,
            period_end=p.pay_period.end_date if p.pay_period else None,
            currency=(money_of.currency or "").upper() or None if money_of else None,
            gross_pay=money(p.gross_pay), net_pay=money(p.net_pay), employer_taxes=money(p.employer_taxes),
            employee_taxes=money(p.employee_taxes), company_debit=money(p.company_debit),
            individual_count=len(p.individual_ids or []), pay_frequencies=";".join(p.pay_frequencies or [])))
    sink.write("payments", rows)
    pending = 0
    queue = [(p.id, 0) for p in payments]
    while queue:
        call, queue = queue[:PAYMENTS_PER_CALL], queue[PAYMENTS_PER_CALL:]
        page = client.hris.pay_statements.retrieve_many(
            requests=[{"payment_id": pid, "limit": STATEMENT_PAGE, "offset": off} for pid, off in call])
        offsets = dict(call)
        for item in page.responses:
            if item.code == 202:
                pending += 1
                continue
            if item.code != 200 or not hasattr(item.body, "pay_statements"):
                continue
            statements = item.body.pay_statements
            pay_date = pay_dates.get(item.payment_id)
            srows, lrows = [], []
            for s in statements:
                gross = s.gross_pay or s.net_pay
                srows.append(dict(
                    base, payment_id=item.payment_id, pay_date=pay_date, individual_id=s.individual_id,
                    type=s.type, payment_method=s.payment_method, total_hours=s.total_hours,
                    currency=(gross.currency or "").upper() or None if gross else None,
                    gross_pay=money(s.gross_pay), net_pay=money(s.net_pay)))
                key = dict(connection_id=base["connection_id"], payment_id=item.payment_id,
                           individual_id=s.individual_id, pay_date=pay_date)
                lrows.extend(line_rows(key, s))
            sink.write("pay_statements", srows)
            sink.write("pay_statement_lines", lrows)
            done = offsets[item.payment_id] + len(statements)
            count = item.body.paging.count
            if statements and count is not None and done < count:
                queue.append((item.payment_id, done))
    return "partial" if pending else "ok"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roster")
    parser.add_argument("--period", required=True, help="YYYY-MM")
    parser.add_argument("--out", required=True)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("PEER_WORKERS", "8")))
    parser.add_argument("--max-retries", type=int, default=5, help="the SDK's retries after the first try")
    args = parser.parse_args()
    year, month = map(int, args.period.split("-"))
    start = f"{year:04d}-{month:02d}-01"
    end = f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"

    statuses = Counter()
    lock = threading.Lock()

    def count(response):
        with lock:
            statuses[str(response.status_code)] += 1

    http = httpx.Client(event_hooks={"response": [count]},
                        limits=httpx.Limits(max_connections=args.workers * 2, max_keepalive_connections=args.workers * 2),
                        timeout=360)
    root = Finch(access_token="unused", base_url=os.environ.get("FINCH_BASE_URL"), http_client=http,
                 max_retries=args.max_retries)
    with open(args.roster, newline="", encoding="utf-8") as f:
        roster = [(n + 2, row) for n, row in enumerate(csv.DictReader(f))]
    sink = Sink(args.out)
    began = time.monotonic()
    outcomes, failures = Counter(), []
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        futures = {
            pool.submit(export_connection, root.copy(access_token=row["access_token"]), row["customer_id"],
                        start, end, sink): (line, row["access_token"][-4:])
            for line, row in roster
        }
        for future in as_completed(futures):
            try:
                outcomes[future.result()] += 1
            except (APIStatusError, APIConnectionError) as error:
                outcomes["failed"] += 1
                line, last4 = futures[future]
                code = getattr(error, "status_code", "connection")
                failures.append(f"line {line} token …{last4}: {type(error).__name__} {code}")
    sink.close()
    seconds = time.monotonic() - began
    print(json.dumps({
        "seconds": round(seconds, 3), "connections": dict(outcomes), "rows": dict(sink.rows),
        "requests": sum(statuses.values()), "statuses": dict(statuses), "http_429": statuses.get("429", 0),
        "failures": failures[:20],
    }))


if __name__ == "__main__":
    sys.exit(main())
