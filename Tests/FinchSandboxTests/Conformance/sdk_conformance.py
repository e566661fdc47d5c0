"""Drives the sandbox with the official Finch Python SDK (finch-api, pinned in the Makefile).

Usage: sdk_conformance.py CONFIG.json — written by SDKConformanceTests.swift with the base URL, tokens,
credentials and the sandbox's ground truth. Prints one line per finding; exits 1 when a finding is
not in quirks.json (each entry there carries its reason), or when counts differ from the ground truth.
"""
import json
import sys
import typing
import urllib.error
import urllib.parse
import urllib.request

import finch
from pydantic import BaseModel

CONFIG = json.load(open(sys.argv[1]))
QUIRKS = json.load(open(CONFIG["quirks"]))
ALLOWED = {(q["kind"], q["where"], q.get("value")) for q in QUIRKS}
findings = []


def report(kind, where, value=None):
    findings.append((kind, where, value))


def flatten(annotation):
    """The concrete types an annotation allows, through Optional, Union and Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return flatten(typing.get_args(annotation)[0])
    if origin is typing.Union or str(origin) == "types.UnionType":
        out = []
        for arg in typing.get_args(annotation):
            out += flatten(arg)
        return out
    return [annotation]


def is_model(t):
    return isinstance(t, type) and issubclass(t, BaseModel)


def accepts(value, types):
    """Whether the SDK's annotation admits the parsed value as it is."""
    for t in types:
        origin = typing.get_origin(t) or t
        if t in (typing.Any, object):
            return True
        if isinstance(t, type) and isinstance(value, t) and not (isinstance(value, bool) and t is not bool):
            return True  # dates, datetimes and exact matches
        if isinstance(value, BaseModel):
            if is_model(t) and isinstance(value, t):
                return True
        elif isinstance(value, bool):
            if t is bool:
                return True
        elif isinstance(value, (int, float)):
            if t in (int, float) or (origin is typing.Literal and value in typing.get_args(t)):
                return True
        elif isinstance(value, str):
            if t is str or origin is typing.Literal:
                return True
        elif isinstance(value, list):
            if origin in (list, typing.List):
                return True
        elif isinstance(value, dict):
            if origin in (dict, typing.Dict):
                return True
    return False


def check(value, annotation, where):
    if value is None:
        return
    types = flatten(annotation)
    if not accepts(value, types):
        # A dict where a model is named is the SDK giving up on parsing: the finding that matters most.
        report("raw_dict" if isinstance(value, dict) else "type_mismatch", where, repr(value)[:60])
        return
    if isinstance(value, list):
        elements = [typing.get_args(t)[0] for t in types if typing.get_origin(t) in (list, typing.List) and typing.get_args(t)]
        for item in value:
            for element in elements[:1]:
                check(item, element, where + "[]")
        return
    if isinstance(value, str):
        literals = [a for t in types if typing.get_origin(t) is typing.Literal for a in typing.get_args(t)]
        if literals and str not in types and value not in literals:
            report("unknown_enum", where, value)
    walk(value)


def walk(obj):
    if isinstance(obj, BaseModel):
        name = type(obj).__name__
        for field, info in type(obj).model_fields.items():
            check(getattr(obj, field, None), info.annotation, f"{name}.{field}")
        for extra in (obj.model_extra or {}):
            report("extra_field", f"{name}.{extra}")
    elif isinstance(obj, list):
        for item in obj:
            walk(item)


def expect(label, actual, expected):
    if actual != expected:
        report("count_mismatch", label, f"{actual} != {expected}")


base = CONFIG["base_url"]
people_total = payments_total = statements_total = 0
for target in CONFIG["connections"]:
    client = finch.Finch(access_token=target["token"], base_url=base, max_retries=0)
    label = target["label"]
    walk(client.account.introspect())
    walk(client.hris.company.retrieve())
    walk(list(client.providers.list()))

    people = list(client.hris.directory.list(limit=CONFIG["page_size"]))
    walk(people)
    expect(label + " directory", len(people), target["individuals"])
    ids = [{"individual_id": p.id} for p in people]
    individuals = list(client.hris.individuals.retrieve_many(requests=ids))
    walk(individuals)
    expect(label + " individual", sum(1 for r in individuals if r.code == 200), target["individuals"])
    employments = list(client.hris.employments.retrieve_many(requests=ids))
    walk(employments)
    expect(label + " employment", sum(1 for r in employments if r.code == 200), target["individuals"])

    payments = list(client.hris.payments.list(start_date=CONFIG["start_date"], end_date=CONFIG["end_date"]))
    walk(payments)
    expect(label + " payments", len(payments), target["payments"])
    statements = 0
    for i in range(0, len(payments), 10):
        waiting = [p.id for p in payments[i:i + 10]]
        # Item 202 data_sync_in_progress: ask again; the sandbox runs with --sync-after 1.
        for _attempt in range(3):
            batch = [{"payment_id": pid, "limit": 5000} for pid in waiting]
            waiting = []
            for item in client.hris.pay_statements.retrieve_many(requests=batch) if batch else []:
                walk(item)
                if item.code == 200:
                    statements += len(item.body.pay_statements)
                elif item.code == 202:
                    waiting.append(item.payment_id)
    expect(label + " pay_statements", statements, target["pay_statements"])
    # Benefits (API.md §6.1), on the connections granted the product: every benefit, then every
    # person enrolled in each (no individual_ids: all of them).
    if target.get("benefits"):
        benefits = list(client.hris.benefits.list())
        walk(benefits)
        expect(label + " benefits", len(benefits), target["benefits"])
        enrolled = 0
        for benefit in benefits:
            items = list(client.hris.benefits.individuals.retrieve_many_benefits(benefit.benefit_id))
            walk(items)
            enrolled += sum(1 for item in items if item.code == 200)
        expect(label + " benefit enrollments", enrolled, target["enrollments"])

    # A forced refresh (API.md §11): created, asked again while it runs (202, the same job, no
    # quota used), read back, and listed with the connection's quota.
    job = client.jobs.automated.create(type="data_sync_all")
    walk(job)
    again = client.jobs.automated.create(type="data_sync_all")
    walk(again)
    expect(label + " running job", again.job_id, job.job_id)
    expect(label + " quota", (job.allowed_refreshes, again.remaining_refreshes), (2, 1))
    walk(client.jobs.automated.retrieve(job.job_id))
    listed = client.jobs.automated.list()
    walk(listed)
    expect(label + " jobs listed", [j.job_id for j in listed.data], [job.job_id])

    people_total += len(people)
    payments_total += len(payments)
    statements_total += statements

# A multi-entity connection (issue 21, API.md §2): introspect lists its entities; each data call
# names one through the SDK's entity_ids; without one Finch answers 400, and 403 for an entity it
# cannot read.
multi = CONFIG["multi_entity"]
client = finch.Finch(access_token=multi["token"], base_url=base, max_retries=0)
listed = client.account.introspect().entities
walk(listed)
expect("multi_entity entities", [e.id for e in listed], [e["id"] for e in multi["entities"]])
try:
    client.hris.directory.list()
    report("multi_entity", "a call without entity_ids was answered")
except finch.BadRequestError:
    pass
for entity in multi["entities"]:
    label = "multi_entity " + entity["id"]
    if not entity["readable"]:
        try:
            client.hris.company.retrieve(entity_ids=[entity["id"]])
            report("multi_entity", "an unreadable entity was answered")
        except finch.PermissionDeniedError:
            pass
        continue
    walk(client.hris.company.retrieve(entity_ids=[entity["id"]]))
    people = list(client.hris.directory.list(entity_ids=[entity["id"]]))
    walk(people)
    expect(label + " directory", len(people), entity["individuals"])
    ids = [{"individual_id": p.id} for p in people]
    walk(list(client.hris.individuals.retrieve_many(requests=ids, entity_ids=[entity["id"]])))
    payments = list(client.hris.payments.list(
        start_date=CONFIG["start_date"], end_date=CONFIG["end_date"], entity_ids=[entity["id"]]))
    walk(payments)
    expect(label + " payments", len(payments), entity["payments"])

# The Connect flow: a session, the authorize redirect (followed with urllib), the code exchange.
app = finch.Finch(client_id=CONFIG["client_id"], client_secret=CONFIG["client_secret"], base_url=base, max_retries=0)
session = app.connect.sessions.new(
    customer_id="sdk-1", customer_name="SDK Test", products=["company", "directory"],
    redirect_uri="http://127.0.0.1:9/callback")
walk(session)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


try:
    urllib.request.build_opener(NoRedirect).open(session.connect_url + "&state=s1")
    report("authorize", "no redirect")
    code = None
except urllib.error.HTTPError as redirect:
    query = urllib.parse.parse_qs(urllib.parse.urlparse(redirect.headers["Location"]).query)
    code = query["code"][0]
    if query.get("state") != ["s1"]:
        report("authorize", "state not echoed")
if code:
    token = app.access_tokens.create(code=code, redirect_uri="http://127.0.0.1:9/callback")
    walk(token)
    fresh = finch.Finch(access_token=token.access_token, base_url=base, max_retries=0)
    introspection = fresh.account.introspect()
    walk(introspection)
    # POST /disconnect-entity: the entity is gone from the introspection, the token still works.
    entity = introspection.entities[0].id
    walk(fresh.account.disconnect_entity(entity_ids=[entity]))
    after = {e.id: e.status for e in fresh.account.introspect().entities}
    if after.get(entity) != "disconnected":
        report("disconnect_entity", "entity status", str(after.get(entity)))

failed = False
for kind, where, value in sorted(set(findings), key=str):
    allowed = (kind, where, value) in ALLOWED or (kind, where, None) in ALLOWED
    failed |= not allowed
    print(("allowed " if allowed else "FAIL ") + f"{kind} {where}" + (f" = {value}" if value else ""))
print(f"checked: {people_total} people, {payments_total} payments, {statements_total} statements")
sys.exit(1 if failed else 0)
