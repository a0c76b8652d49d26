"""Every table, imported in one place so migrations and create_all see them all."""

from assessment.auth.models import User
from assessment.banks.models import BankVersion, QuestionRecord
from assessment.events.models import Event, Phase
from assessment.organisation.models import Department, LevelGroup, StaffLevel
from assessment.privacy.models import AuditEntry, PseudonymKey
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.roster.models import RosterEntry

__all__ = [
    "Answer", "Attempt", "AuditEntry", "BankVersion", "Department", "Event", "LevelGroup",
    "Participant", "Phase", "PseudonymKey", "QuestionRecord", "RosterEntry", "StaffLevel", "User",
]
