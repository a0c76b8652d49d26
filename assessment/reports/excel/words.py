"""The workbook's words in Thai and English: sheet names, headers, labels, formats."""

from __future__ import annotations

SHEETS = {
    "en": dict(zip(
        ["summary", "by_level", "by_department", "by_topic", "participants", "items",
         "responses", "scores", "not_paired", "charts", "columns"],
        ["Summary", "By level", "By department", "By topic", "Participants", "Items",
         "Responses", "Scores", "Not paired", "Charts", "Columns"], strict=True))
    | {"retention": "Retention"},
    "th": {"summary": "สรุป", "by_level": "ตามระดับ", "by_department": "ตามหน่วยงาน",
           "by_topic": "ตามหัวข้อ", "participants": "ผู้เข้าร่วม", "items": "รายข้อ",
           "responses": "คำตอบ", "scores": "คะแนน", "not_paired": "ไม่ครบคู่",
           "charts": "แผนภูมิ", "columns": "คำอธิบายคอลัมน์",
           "retention": "ติดตามผล"},
}
#: The headline figures of the Summary sheet, in reading order, with labels (en, th).
SUMMARY_LABELS = {
    "n_paired": ("People who took both tests (paired)", "จำนวนผู้ทำแบบทดสอบครบทั้งก่อนและหลังอบรม"),
    "n_pre": ("People who took the pre-test", "จำนวนผู้ทำแบบทดสอบก่อนอบรม"),
    "n_post": ("People who took the post-test", "จำนวนผู้ทำแบบทดสอบหลังอบรม"),
    "n_pre_only": ("Took only the pre-test", "ทำเฉพาะแบบทดสอบก่อนอบรม"),
    "n_post_only": ("Took only the post-test", "ทำเฉพาะแบบทดสอบหลังอบรม"),
    "pre_mean_percent": ("Mean pre-test score (%)", "คะแนนเฉลี่ยก่อนอบรม (%)"),
    "post_mean_percent": ("Mean post-test score (%)", "คะแนนเฉลี่ยหลังอบรม (%)"),
    "mean_gain": ("Mean gain (points of percent)", "คะแนนเพิ่มขึ้นเฉลี่ย (จุดร้อยละ)"),
    "gain_ci_low": ("Mean gain, 95 % confidence interval, low",
                    "คะแนนเพิ่มขึ้นเฉลี่ย ช่วงความเชื่อมั่น 95% ค่าต่ำ"),
    "gain_ci_high": ("Mean gain, 95 % confidence interval, high",
                     "คะแนนเพิ่มขึ้นเฉลี่ย ช่วงความเชื่อมั่น 95% ค่าสูง"),
    "g_of_averages": ("Normalised gain of the averages, Hake ⟨g⟩",
                      "อัตราพัฒนาการจากค่าเฉลี่ย (Hake ⟨g⟩)"),
    "mean_of_g": ("Average of individual normalised gains", "ค่าเฉลี่ยอัตราพัฒนาการรายบุคคล"),
    "n_excluded_from_g": ("People at 100 % before, left out of the average of gains",
                          "จำนวนผู้ได้ 100% ก่อนอบรม (ไม่นับในอัตราพัฒนาการรายบุคคล)"),
    "p_paired_t": ("p-value, paired t-test", "ค่า p (paired t-test)"),
    "p_wilcoxon": ("p-value, Wilcoxon signed-rank test", "ค่า p (Wilcoxon signed-rank)"),
    "d_z": ("Effect size, Cohen's d_z", "ขนาดอิทธิพล (Cohen's d_z)"),
    "d_z_ci_low": ("d_z, 95 % confidence interval, low", "d_z ช่วงความเชื่อมั่น 95% ค่าต่ำ"),
    "d_z_ci_high": ("d_z, 95 % confidence interval, high", "d_z ช่วงความเชื่อมั่น 95% ค่าสูง"),
    "alpha_pre": ("Reliability of the pre-test (Cronbach's alpha)",
                  "ความเชื่อมั่นของแบบทดสอบก่อนอบรม (Cronbach's alpha)"),
    "alpha_post": ("Reliability of the post-test (Cronbach's alpha)",
                   "ความเชื่อมั่นของแบบทดสอบหลังอบรม (Cronbach's alpha)"),
    "min_group_size": ("Minimum group size", "ขนาดกลุ่มขั้นต่ำ (คน)"),
}
WORDS = {
    "en": {
        "measure": "measure", "value": "value", "by_level_group": "By level group",
        "by_level_department": "By level and department",
        "reliability": "Reliability by phase (Cronbach's alpha)",
        "ratings": "Self-assessment ratings (1-5) of people who rated both times",
        "paired_only": "Only people who took both the pre-test and the post-test (paired) "
                       "count in the gain statistics.",
        "small_rule": "Groups with fewer than {n} paired people are marked ⚠: their figures "
                      "rest on too few people to compare, so normalised gains, tests and "
                      "d_z are left out.",
        "pseudonymised": "No names or employee IDs: each person is a pseudonym (P-...), the "
                         "same in every sheet. The sheets of people leave out department and "
                         "staff level, and the statistics of groups with fewer than {n} paired "
                         "people are left blank, so no one's score can be worked out.",
        "columns_intro": "Every column header of this workbook, its code (the header that "
                         "`flask reports export --headers codes` writes, for scripts) and "
                         "what it means.",
        "header": "Header", "code": "Code", "meaning": "Meaning",
        "small_group": "⚠ fewer than {n}: no g, tests or d_z",
        "small_person": "⚠ in a group of fewer than {n}",
        "small_blank": "⚠ fewer than {n} people: left blank",
        "phases": {"pre": "pre", "post": "post", "followup": "followup"},
        "item_review": "Item review for the next version of the bank (True where a verdict "
                       "applies)",
        "option_shares": "Share choosing each option (Moodle's response analysis)",
        "retention_everyone": "Everyone who took all three tests (follow-up against post-test)",
        "retention_by": {"level_group": "By level group", "level": "By staff level",
                         "department": "By department", "topic": "By topic"},
    },
    "th": {
        "measure": "รายการ", "value": "ค่า", "by_level_group": "ตามประเภทตำแหน่ง",
        "by_level_department": "ตามระดับตำแหน่งและหน่วยงาน",
        "reliability": "ความเชื่อมั่นของแบบทดสอบ (Cronbach's alpha)",
        "ratings": "การประเมินตนเอง (1-5) ของผู้ที่ประเมินทั้งสองครั้ง",
        "paired_only": "สถิติการเปลี่ยนแปลงคะแนนนับเฉพาะผู้ที่ทำแบบทดสอบครบทั้งก่อนและหลังอบรม",
        "small_rule": "กลุ่มที่มีผู้ทำครบทั้งสองครั้งน้อยกว่า {n} คน มีเครื่องหมาย ⚠ "
                      "เพราะจำนวนคนน้อยเกินกว่าจะนำตัวเลขไปเปรียบเทียบได้",
        "pseudonymised": "ไม่มีชื่อและรหัสพนักงาน แต่ละคนแสดงเป็นรหัสนามแฝง (P-...) "
                         "ซึ่งเป็นรหัสเดียวกันในทุกแผ่นงาน แผ่นงานรายบุคคลไม่แสดงหน่วยงานและระดับตำแหน่ง "
                         "และสถิติของกลุ่มที่มีผู้ทำครบน้อยกว่า {n} คนเว้นว่างไว้ "
                         "จึงไม่มีใครคำนวณคะแนนของบุคคลใดได้",
        "columns_intro": "หัวคอลัมน์ทุกคอลัมน์ในไฟล์นี้ พร้อมรหัส (หัวคอลัมน์ที่คำสั่ง "
                         "`flask reports export --headers codes` เขียน สำหรับโปรแกรม) และความหมาย",
        "header": "หัวคอลัมน์", "code": "รหัส", "meaning": "ความหมาย",
        "small_group": "⚠ น้อยกว่า {n} คน: ไม่คำนวณ g การทดสอบ และ d_z",
        "small_person": "⚠ อยู่ในกลุ่มน้อยกว่า {n} คน",
        "small_blank": "⚠ น้อยกว่า {n} คน: เว้นว่างไว้",
        "phases": {"pre": "ก่อนอบรม", "post": "หลังอบรม", "followup": "ติดตามผล"},
        "item_review": "ทบทวนข้อสอบสำหรับคลังข้อสอบฉบับถัดไป (TRUE คือเข้าเกณฑ์นั้น)",
        "option_shares": "สัดส่วนผู้เลือกแต่ละตัวเลือก ก่อนและหลังอบรม",
        "retention_everyone": "ทุกคนที่ทำแบบทดสอบครบทั้งสามครั้ง (ติดตามผลเทียบกับหลังอบรม)",
        "retention_by": {"level_group": "ตามประเภทตำแหน่ง", "level": "ตามระดับตำแหน่ง",
                         "department": "ตามหน่วยงาน", "topic": "ตามหัวข้อ"},
    },
}
CHART_TITLES = {
    "gain_by_level_group": ("Mean gain by staff level group",
                            "คะแนนที่เพิ่มขึ้นเฉลี่ย ตามประเภทตำแหน่ง"),
    "gain_by_department": ("Mean gain by department", "คะแนนที่เพิ่มขึ้นเฉลี่ย ตามหน่วยงาน"),
    "gain_by_level": ("Mean gain by staff level", "คะแนนที่เพิ่มขึ้นเฉลี่ย ตามระดับตำแหน่ง"),
    "by_level": ("Pre and post by staff level", "คะแนนก่อนและหลังอบรม ตามระดับตำแหน่ง"),
    "by_department": ("Pre and post by department", "คะแนนก่อนและหลังอบรม ตามหน่วยงาน"),
    "participant_change": ("Each participant's change", "การเปลี่ยนแปลงคะแนนรายบุคคล"),
    "distribution": ("Score distributions", "การกระจายของคะแนน"),
    "by_topic": ("Gain by topic", "คะแนนที่เพิ่มขึ้น ตามหัวข้อ"),
    "retention": ("Mean score before, after and at the follow-up",
                  "คะแนนเฉลี่ยก่อน หลังอบรม และเมื่อติดตามผล"),
    "item_facility": ("Item facility before and after", "ร้อยละตอบถูกรายข้อ ก่อนและหลังอบรม"),
}

SHARES = {"facility", "fully_right", "fully_right_pre", "fully_right_post", "share_pre",
          "share_post", "share_stronger_half", "gain_kept", "learned", "forgot", "kept",
          "never_knew"}
COUNTS = {"n_all_three", "n", "k", "n_paired", "n_pre", "n_post", "n_pre_only", "n_post_only",
          "n_excluded_from_g", "min_group_size"}
ONE_DECIMAL = {"followup_mean_percent", "change_since_post", "change_ci_low",
               "change_ci_high", "pre_mean_percent", "post_mean_percent", "mean_gain",
               "gain_ci_low", "gain_ci_high", "pre_percent",
               "post_percent", "gain", "discrimination_index", "discriminative_efficiency",
               "effective_weight", "error_ratio"}
TWO_DECIMALS = {"g_of_averages", "mean_of_g", "normalized_gain", "d_z", "d_z_ci_low",
                "d_z_ci_high", "alpha", "alpha_pre", "alpha_post", "mean", "median", "sd",
                "skewness", "kurtosis", "standard_error", "pre_mean", "post_mean", "change"}
#: p-values as the report page shows them: < 0.001, else three decimals; still numbers.
P_VALUE_FORMAT = '[<0.001]"< 0.001";0.000'
#: What the shareable export keeps of a group under the minimum size: who, and how many.
KEPT_IN_SMALL_GROUPS = {"level", "level_group", "department", "topic", "n_paired",
                        "n_pre_only", "n_post_only", "small_group", "note"}
#: Where a person works: left out of the shareable export's sheets of people.
WHERE_PEOPLE_WORK = ["department", "level", "level_group"]
#: First characters that make Excel (or a CSV reader) take text for a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Who a row is about, first in every sheet of people; Responses and Scores add the phase.
PERSON_COLUMNS = ["employee_id", "name", "department", "level"]
ANSWER_PERSON_COLUMNS = [*PERSON_COLUMNS, "phase"]
WIDE_PERSON_COLUMNS = {"participant_id", "name", "employee_id", "department", "level", "phase"}
ZERO_WIDTH = dict.fromkeys([0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F),
                            *range(0x0300, 0x0370), 0x200B, 0x200C, 0x200D])
MIN_WIDTH, MAX_WIDTH, HEADER_WRAP = 8, 50, 16
