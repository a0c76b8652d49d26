"""Khon Kaen municipality's departments and staff levels: seed data HR edits per city."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LevelGroup:
    code: str
    th: str
    en: str
    order: int


@dataclass(frozen=True)
class StaffLevel:
    code: str
    th: str
    en: str
    group: str
    order: int


@dataclass(frozen=True)
class Department:
    code: str
    th: str
    en: str
    order: int


LEVEL_GROUPS: tuple[LevelGroup, ...] = (
    LevelGroup("executive", "ประเภทบริหารท้องถิ่น", "Local executives", 1),
    LevelGroup("director", "ประเภทอำนวยการท้องถิ่น", "Local directors", 2),
    LevelGroup("professional", "ประเภทวิชาการ", "Professional officers", 3),
    LevelGroup("general", "ประเภททั่วไป", "General officers", 4),
    LevelGroup("employee", "ลูกจ้างและพนักงานจ้าง", "Employees", 5),
)

STAFF_LEVELS: tuple[StaffLevel, ...] = (
    StaffLevel("exec_high", "บริหารท้องถิ่น ระดับสูง", "Local executive, senior", "executive", 1),
    StaffLevel("exec_mid", "บริหารท้องถิ่น ระดับกลาง", "Local executive, middle", "executive", 2),
    StaffLevel("exec_low", "บริหารท้องถิ่น ระดับต้น", "Local executive, junior", "executive", 3),
    StaffLevel("dir_high", "อำนวยการท้องถิ่น ระดับสูง", "Local director, senior", "director", 4),
    StaffLevel("dir_mid", "อำนวยการท้องถิ่น ระดับกลาง", "Local director, middle", "director", 5),
    StaffLevel("dir_low", "อำนวยการท้องถิ่น ระดับต้น", "Local director, junior", "director", 6),
    StaffLevel("prof_senior", "วิชาการ ระดับชำนาญการพิเศษ", "Senior professional", "professional",
               7),
    StaffLevel("prof_expert", "วิชาการ ระดับชำนาญการ", "Professional", "professional", 8),
    StaffLevel("prof_practitioner", "วิชาการ ระดับปฏิบัติการ", "Practitioner", "professional", 9),
    StaffLevel("gen_senior", "ทั่วไป ระดับอาวุโส", "Senior general officer", "general", 10),
    StaffLevel("gen_experienced", "ทั่วไป ระดับชำนาญงาน", "Experienced general officer",
               "general", 11),
    StaffLevel("gen_operational", "ทั่วไป ระดับปฏิบัติงาน", "Operational officer", "general", 12),
    StaffLevel("permanent_employee", "ลูกจ้างประจำ", "Permanent employee", "employee", 13),
    StaffLevel("mission_employee", "พนักงานจ้างตามภารกิจ", "Mission-based contract employee",
               "employee", 14),
    StaffLevel("general_employee", "พนักงานจ้างทั่วไป", "General contract employee", "employee",
               15),
)

DEPARTMENTS: tuple[Department, ...] = (
    Department("clerk", "สำนักปลัดเทศบาล", "Office of the Municipal Clerk", 1),
    Department("finance", "สำนักการคลัง", "Finance Bureau", 2),
    Department("works", "สำนักการช่าง", "Public Works Bureau", 3),
    Department("health", "สำนักการสาธารณสุขและสิ่งแวดล้อม",
               "Public Health and Environment Bureau", 4),
    Department("education", "สำนักการศึกษา", "Education Bureau", 5),
    Department("welfare", "สำนักสวัสดิการสังคม", "Social Welfare Bureau", 6),
    Department("strategy", "กองยุทธศาสตร์และงบประมาณ", "Strategy and Budget Division", 7),
    Department("personnel", "กองการเจ้าหน้าที่", "Personnel Division", 8),
    Department("water", "สำนักการประปา", "Waterworks Bureau", 9),
    Department("registration", "กองทะเบียนราษฎรและบัตรประชาชน",
               "Civil Registration Division", 10),
    Department("audit", "หน่วยตรวจสอบภายใน", "Internal Audit Unit", 11),
)
