from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from mssclient.paths import resources_dir
from mssclient.patients import PatientRepository
from mssclient.store import Store
from mssclient.teleexpertise.billing import (
    billing_hint,
    counts_per_requester,
    load_billing_rules,
)
from mssclient.teleexpertise.errors import TeleexpertiseError
from mssclient.teleexpertise.model import Profession, RequestStatus, Role, new_request_uid
from mssclient.teleexpertise.repository import TeleexpertiseRepository
from tests.unit.teleexpertise.factories import GP, NURSE, T0, patient, wound_request


def test_rules_come_from_the_data_file() -> None:
    rules = load_billing_rules()
    rqd, te2 = rules.act_for(Role.REQUESTER), rules.act_for(Role.EXPERT)
    assert rqd is not None and (rqd.code, rqd.amount) == ("RQD", Decimal("10.00"))
    assert te2 is not None and (te2.code, te2.amount) == ("TE2", Decimal("20.00"))
    assert rules.valid_from == date(2022, 4, 1)
    assert rules.max_per_patient_per_year == 4
    assert counts_per_requester(rules, Profession.NURSE)
    assert not counts_per_requester(rules, Profession.DOCTOR)


def test_changed_amounts_need_no_code_change(tmp_path: Path) -> None:
    shipped = resources_dir() / "data" / "teleexpertise-billing.json"
    data = json.loads(shipped.read_text(encoding="utf-8"))
    data["acts"][1]["amount"] = "25.50"
    changed = tmp_path / "billing.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    te2 = load_billing_rules(changed).act_for(Role.EXPERT)
    assert te2 is not None and te2.amount == Decimal("25.50")


@pytest.mark.parametrize("content", ["", "{}", '{"acts": [{"code": "X"}]}', "[1]"])
def test_broken_data_file(tmp_path: Path, content: str) -> None:
    broken = tmp_path / "billing.json"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(TeleexpertiseError) as info:
        load_billing_rules(broken)
    assert "tarifs" in info.value.user_message
    with pytest.raises(TeleexpertiseError):
        load_billing_rules(tmp_path / "missing.json")


def test_hint_and_warning_past_four() -> None:
    rules = load_billing_rules()
    fourth = billing_hint(rules, Role.REQUESTER, 3, date(2026, 6, 1))
    assert fourth.act is not None and fourth.act.code == "RQD"
    assert (fourth.count_this_year, fourth.warning_fr) == (4, "")
    fifth = billing_hint(rules, Role.EXPERT, 4, date(2026, 6, 1))
    assert fifth.count_this_year == 5
    assert fifth.warning_fr.startswith("Attention : 5e téléexpertise pour ce patient en 2026")
    assert billing_hint(rules, Role.EXPERT, 0, date(2021, 6, 1)).act is None


def test_yearly_count_from_the_repository(temp_store: Store) -> None:
    repo = TeleexpertiseRepository(temp_store)
    stored = PatientRepository(temp_store).add(patient())
    assert stored.id is not None

    def sent(day: int, year: int = 2026, **kw: object) -> None:
        moment = T0.replace(year=year) + timedelta(days=day)
        values: dict[str, object] = {
            "request_uid": new_request_uid(),
            "patient": stored,
            "status": RequestStatus.SENT,
            "sent_at": moment,
        }
        values.update(kw)
        repo.save(wound_request(**values))

    for day in range(3):
        sent(day)
    sent(3, requester=GP)
    sent(4, status=RequestStatus.DECLINED)  # a declined request is not billed
    sent(5, year=2025)  # another year
    repo.save(wound_request(request_uid=new_request_uid(), patient=stored))  # a draft
    assert repo.count_for_patient_year(stored.id, 2026) == 4
    assert repo.count_for_patient_year(stored.id, 2025) == 1
    nurse_only = repo.count_for_patient_year(stored.id, 2026, requester_id=NURSE.id_nat_ps)
    assert nurse_only == 3
    rules = load_billing_rules()
    assert billing_hint(rules, Role.REQUESTER, 4, date(2026, 9, 1)).warning_fr
    assert not billing_hint(rules, Role.REQUESTER, nurse_only, date(2026, 9, 1)).warning_fr
