"""Words the teleexpertise views show for statuses, actions, professions and needs."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from mssclient.teleexpertise.model import Profession, RequestStatus, Urgency
from mssclient.teleexpertise.state import Action


def status_text(status: RequestStatus, assignee: str = "") -> str:
    if status is RequestStatus.TAKEN and assignee:
        return QCoreApplication.translate("Teleexpertise", "taken by %1").replace("%1", assignee)
    return {
        RequestStatus.DRAFT: QCoreApplication.translate("Teleexpertise", "draft"),
        RequestStatus.SENT: QCoreApplication.translate("Teleexpertise", "sent"),
        RequestStatus.RECEIVED: QCoreApplication.translate(
            "Teleexpertise", "received by the department"
        ),
        RequestStatus.TAKEN: QCoreApplication.translate("Teleexpertise", "taken"),
        RequestStatus.INFO_REQUESTED: QCoreApplication.translate(
            "Teleexpertise", "more information asked"
        ),
        RequestStatus.ANSWERED: QCoreApplication.translate("Teleexpertise", "answered"),
        RequestStatus.DECLINED: QCoreApplication.translate(
            "Teleexpertise", "declined / redirected"
        ),
        RequestStatus.CLOSED: QCoreApplication.translate("Teleexpertise", "closed"),
    }[status]


def action_text(action: Action) -> str:
    return {
        Action.SEND: QCoreApplication.translate("Teleexpertise", "Send"),
        Action.ACKNOWLEDGE: QCoreApplication.translate("Teleexpertise", "Acknowledge"),
        Action.TAKE: QCoreApplication.translate("Teleexpertise", "I'll take it"),
        Action.ASK_INFORMATION: QCoreApplication.translate(
            "Teleexpertise", "Ask for more information…"
        ),
        Action.PROVIDE_INFORMATION: QCoreApplication.translate(
            "Teleexpertise", "Send the information asked…"
        ),
        Action.ANSWER: QCoreApplication.translate("Teleexpertise", "Answer…"),
        Action.DECLINE: QCoreApplication.translate("Teleexpertise", "Decline / redirect…"),
        Action.CLOSE: QCoreApplication.translate("Teleexpertise", "Close the request"),
        Action.WITHDRAW: QCoreApplication.translate("Teleexpertise", "Withdraw the request"),
    }[action]


def profession_text(profession: Profession) -> str:
    return {
        Profession.DOCTOR: QCoreApplication.translate("Teleexpertise", "Doctor"),
        Profession.NURSE: QCoreApplication.translate("Teleexpertise", "Nurse"),
        Profession.MIDWIFE: QCoreApplication.translate("Teleexpertise", "Midwife"),
        Profession.OTHER: QCoreApplication.translate("Teleexpertise", "Other health professional"),
    }[profession]


def urgency_text(urgency: Urgency) -> str:
    return {
        Urgency.NONE: QCoreApplication.translate(
            "Teleexpertise", "Neither consultation nor admission"
        ),
        Urgency.CONSULTATION: QCoreApplication.translate("Teleexpertise", "Consultation needed"),
        Urgency.ADMISSION: QCoreApplication.translate("Teleexpertise", "Admission needed"),
    }[urgency]


def duration_text(delta: timedelta) -> str:
    """ "45 min", "30 h", "2 d", "3 d 4 h" in the user's language.

    One rule: under an hour, minutes; under 48 hours, hours; from 48 hours on, days, with
    the remaining hours only when there are some (48 h shows "2 d", not "2 d 0 h").
    """
    hours = int(delta.total_seconds() // 3600)
    if hours < 1:
        return QCoreApplication.translate("Teleexpertise", "%1 min").replace(
            "%1", str(int(delta.total_seconds() // 60))
        )
    if hours < 48:
        return QCoreApplication.translate("Teleexpertise", "%1 h").replace("%1", str(hours))
    if hours % 24 == 0:
        return QCoreApplication.translate("Teleexpertise", "%1 d").replace("%1", str(hours // 24))
    return (
        QCoreApplication.translate("Teleexpertise", "%1 d %2 h")
        .replace("%1", str(hours // 24))
        .replace("%2", str(hours % 24))
    )
