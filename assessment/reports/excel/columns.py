"""Every column of the workbook: its code, its header in English and Thai, and what it means.

The codes are the report frames' column names; `flask reports export --headers codes` writes
them as headers, for scripts. Otherwise headers are words, and the Columns sheet lists each
header beside its code and meaning. A space marks where a long header may wrap (Excel breaks
lines at spaces).
"""

from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    en: str
    th: str
    meaning_en: str
    meaning_th: str


_PRE_POST = "pre-test and post-test"
COLUMNS = {
    "level": Column("Staff level", "ระดับตำแหน่ง", "The position class of the staff member.",
                    "ระดับตำแหน่งของบุคลากร"),
    "level_group": Column("Level group", "ประเภทตำแหน่ง",
                          "The group of position classes (executive, director, ...).",
                          "กลุ่มของระดับตำแหน่ง เช่น บริหาร อำนวยการ วิชาการ ทั่วไป"),
    "department": Column("Department", "หน่วยงาน", "The bureau, division or office.",
                         "สำนัก กอง หรือส่วนที่สังกัด"),
    "topic": Column("Topic", "หัวข้อ", "The topic of the questions in the question bank.",
                    "หัวข้อของคำถามในคลังข้อสอบ"),
    "n_paired": Column("People who took both tests", "จำนวนที่ทำครบ ทั้งสองครั้ง",
                       f"People with both a {_PRE_POST}; only they count in gain figures.",
                       "จำนวนผู้ที่ทำแบบทดสอบครบทั้งก่อนและหลังอบรม ใช้คำนวณสถิติการเปลี่ยนแปลง"),
    "n_pre_only": Column("Took only the pre-test", "ทำเฉพาะ ก่อนอบรม",
                         "People who took the pre-test but not the post-test.",
                         "จำนวนผู้ที่ทำเฉพาะแบบทดสอบก่อนอบรม"),
    "n_post_only": Column("Took only the post-test", "ทำเฉพาะ หลังอบรม",
                          "People who took the post-test but not the pre-test.",
                          "จำนวนผู้ที่ทำเฉพาะแบบทดสอบหลังอบรม"),
    "pre_mean_percent": Column("Mean pre-test score (%)", "คะแนนเฉลี่ย ก่อนอบรม (%)",
                               "Average pre-test score of the paired people, in % of the maximum.",
                               "คะแนนเฉลี่ยก่อนอบรมของผู้ทำครบ เป็นร้อยละของคะแนนเต็ม"),
    "post_mean_percent": Column("Mean post-test score (%)", "คะแนนเฉลี่ย หลังอบรม (%)",
                                "Average post-test score of the paired people, in % of the "
                                "maximum.", "คะแนนเฉลี่ยหลังอบรมของผู้ทำครบ เป็นร้อยละของคะแนนเต็ม"),
    "mean_gain": Column("Mean gain (points of %)", "คะแนนเพิ่มขึ้น เฉลี่ย (จุด %)",
                        "Mean post-test score minus mean pre-test score, in points of percent.",
                        "คะแนนเฉลี่ยหลังอบรมลบก่อนอบรม หน่วยเป็นจุดร้อยละ"),
    "g_of_averages": Column("Normalised gain of the averages ⟨g⟩",
                            "อัตราพัฒนาการ จากค่าเฉลี่ย ⟨g⟩",
                            "Hake's gain: (mean post - mean pre) / (100 - mean pre).",
                            "อัตราพัฒนาการแบบ Hake: (เฉลี่ยหลัง - เฉลี่ยก่อน) / (100 - เฉลี่ยก่อน)"),
    "mean_of_g": Column("Average of individual normalised gains",
                        "ค่าเฉลี่ย อัตราพัฒนาการ รายบุคคล",
                        "Each person's (post - pre) / (100 - pre), averaged; people at 100 % "
                        "before are left out.",
                        "ค่าเฉลี่ยของอัตราพัฒนาการรายบุคคล ไม่นับผู้ที่ได้ 100% ก่อนอบรม"),
    "n_excluded_from_g": Column("At 100 % before (left out of individual g)",
                                "ได้ 100% ก่อนอบรม (ไม่นับใน g รายบุคคล)",
                                "People with full marks before, who cannot gain.",
                                "จำนวนผู้ได้คะแนนเต็มก่อนอบรม ซึ่งไม่มีที่ให้เพิ่มขึ้น"),
    "p_paired_t": Column("p-value (paired t-test)", "ค่า p (paired t-test)",
                         "Chance of a gain this large if training changed nothing (t-test); "
                         "below 0.05 is usually called significant.",
                         "โอกาสที่จะเห็นความต่างขนาดนี้ถ้าการอบรมไม่มีผล (t-test) "
                         "ต่ำกว่า 0.05 ถือว่ามีนัยสำคัญ"),
    "p_wilcoxon": Column("p-value (Wilcoxon)", "ค่า p (Wilcoxon)",
                         "The same question answered by the Wilcoxon signed-rank test, which "
                         "does not assume normal scores.",
                         "ค่า p จากการทดสอบ Wilcoxon signed-rank ซึ่งไม่ต้องสมมติว่าคะแนนแจกแจงปกติ"),
    "d_z": Column("Effect size d_z", "ขนาดอิทธิพล d_z",
                  "Cohen's d_z: mean gain divided by the spread of gains (0.2 small, 0.5 "
                  "medium, 0.8 large).",
                  "Cohen's d_z: คะแนนเพิ่มเฉลี่ยหารด้วยส่วนเบี่ยงเบนของคะแนนเพิ่ม "
                  "(0.2 น้อย 0.5 ปานกลาง 0.8 มาก)"),
    "d_z_ci_low": Column("d_z, 95 % CI low", "d_z ช่วงเชื่อมั่น 95% ต่ำ",
                         "Lower end of the 95 % confidence interval of d_z.",
                         "ขอบล่างของช่วงความเชื่อมั่น 95% ของ d_z"),
    "d_z_ci_high": Column("d_z, 95 % CI high", "d_z ช่วงเชื่อมั่น 95% สูง",
                          "Upper end of the 95 % confidence interval of d_z.",
                          "ขอบบนของช่วงความเชื่อมั่น 95% ของ d_z"),
    "small_group": Column("Small group", "กลุ่มเล็ก",
                          "TRUE when the group (or the person's level or department) has fewer "
                          "paired people than the minimum group size.",
                          "TRUE เมื่อกลุ่ม (หรือระดับหรือหน่วยงานของบุคคล) มีผู้ทำครบน้อยกว่าขนาดกลุ่มขั้นต่ำ"),
    "note": Column("Note", "หมายเหตุ", "Warnings about the row, such as a small group.",
                   "คำเตือนของแถวนั้น เช่น กลุ่มเล็ก"),
    "employee_id": Column("Employee ID", "รหัสพนักงาน", "The ID from HR's staff roster.",
                          "รหัสพนักงานจากทะเบียนบุคลากร"),
    "name": Column("Name", "ชื่อ-สกุล",
                   "The person's name, or their pseudonym (P-...) in a workbook without names.",
                   "ชื่อ-สกุล หรือรหัสนามแฝง (P-...) ในไฟล์ที่ไม่มีชื่อ"),
    "phase": Column("Test", "ครั้งที่ทดสอบ", "Pre-test (before) or post-test (after).",
                    "ก่อนอบรมหรือหลังอบรม"),
    "pre_percent": Column("Pre-test score (%)", "คะแนนก่อนอบรม (%)",
                          "The person's pre-test score in % of the maximum.",
                          "คะแนนก่อนอบรมเป็นร้อยละของคะแนนเต็ม"),
    "post_percent": Column("Post-test score (%)", "คะแนนหลังอบรม (%)",
                           "The person's post-test score in % of the maximum.",
                           "คะแนนหลังอบรมเป็นร้อยละของคะแนนเต็ม"),
    "gain": Column("Gain (points of %)", "คะแนนเปลี่ยนแปลง (จุด %)",
                   "Post-test minus pre-test score, in points of percent.",
                   "คะแนนหลังอบรมลบก่อนอบรม หน่วยเป็นจุดร้อยละ"),
    "normalized_gain": Column("Normalised gain (g)", "อัตราพัฒนาการ (g)",
                              "(post - pre) / (100 - pre): the share of the possible gain made.",
                              "(หลัง - ก่อน) / (100 - ก่อน): สัดส่วนของคะแนนที่เพิ่มได้จริงต่อที่เพิ่มได้"),
    "paired": Column("Took both tests", "ทำครบ ทั้งสองครั้ง",
                     f"TRUE when the person took both the {_PRE_POST}.",
                     "TRUE เมื่อทำแบบทดสอบครบทั้งก่อนและหลังอบรม"),
    "phase_taken": Column("Took only", "ทำเฉพาะ", "The one test the person took.",
                          "แบบทดสอบครั้งเดียวที่ทำ"),
    "question_id": Column("Question", "ข้อ", "The question's id in the question bank.",
                          "รหัสคำถามในคลังข้อสอบ"),
    "n": Column("People", "จำนวน", "How many people answered.", "จำนวนผู้ตอบ"),
    "max_points": Column("Maximum points", "คะแนนเต็ม", "The question's full marks.",
                         "คะแนนเต็มของข้อ"),
    "facility": Column("Facility (share of marks)", "ค่าเฉลี่ยสัดส่วน คะแนนที่ได้ (ความง่าย)",
                       "Average share of the question's marks earned (Moodle's facility).",
                       "สัดส่วนคะแนนเฉลี่ยที่ได้จากข้อนี้ (ความง่ายตามนิยามของ Moodle)"),
    "sd": Column("Standard deviation", "ส่วนเบี่ยงเบน มาตรฐาน", "Spread of the marks.",
                 "การกระจายของคะแนน"),
    "discrimination_index": Column("Discrimination index", "ดัชนีอำนาจจำแนก",
                                   "Correlation of the question with the rest of the test "
                                   "(Moodle); low or negative is a question to review.",
                                   "สหสัมพันธ์ของข้อกับคะแนนส่วนที่เหลือ (Moodle) "
                                   "ค่าต่ำหรือติดลบควรทบทวนข้อนั้น"),
    "discriminative_efficiency": Column("Discriminative efficiency", "ประสิทธิภาพ การจำแนก",
                                        "Discrimination as a share of the most it could be.",
                                        "อำนาจจำแนกเทียบกับค่าสูงสุดที่เป็นไปได้"),
    "effective_weight": Column("Effective weight (%)", "น้ำหนัก ที่แท้จริง (%)",
                               "How much the question moves the total score (Moodle).",
                               "ข้อนี้มีผลต่อคะแนนรวมมากเพียงใด (Moodle)"),
    "learned": Column("Wrong → right", "ผิด→ถูก",
                      "Share of paired people wrong before and right after.",
                      "สัดส่วนผู้ทำครบที่ตอบผิดก่อนอบรมและตอบถูกหลังอบรม"),
    "forgot": Column("Right → wrong", "ถูก→ผิด",
                     "Share of paired people right before and wrong after.",
                     "สัดส่วนผู้ทำครบที่ตอบถูกก่อนอบรมแต่ตอบผิดหลังอบรม"),
    "kept": Column("Right both times", "ถูกทั้งสองครั้ง",
                   "Share of paired people right before and after.",
                   "สัดส่วนผู้ทำครบที่ตอบถูกทั้งสองครั้ง"),
    "never_knew": Column("Wrong both times", "ผิดทั้งสองครั้ง",
                         "Share of paired people wrong before and after.",
                         "สัดส่วนผู้ทำครบที่ตอบผิดทั้งสองครั้ง"),
    "ceiling": Column("Almost everyone knew it before", "เกือบทุกคน รู้อยู่แล้ว",
                      "TRUE when nearly everyone was right before the training.",
                      "TRUE เมื่อเกือบทุกคนตอบถูกตั้งแต่ก่อนอบรม"),
    "k": Column("Questions", "จำนวนข้อ", "Scored questions in the test.",
                "จำนวนข้อที่คิดคะแนน"),
    "mean": Column("Mean", "ค่าเฉลี่ย", "Average total score.", "คะแนนรวมเฉลี่ย"),
    "median": Column("Median", "มัธยฐาน", "Middle total score.", "คะแนนรวมตรงกลาง"),
    "skewness": Column("Skewness", "ความเบ้", "Lopsidedness of the scores.",
                       "ความเบ้ของการกระจายคะแนน"),
    "kurtosis": Column("Kurtosis", "ความโด่ง", "Peakedness of the scores.",
                       "ความโด่งของการกระจายคะแนน"),
    "alpha": Column("Reliability (alpha)", "ค่าความเชื่อมั่น (alpha)",
                    "Cronbach's alpha (KR-20 for right/wrong questions); 0.7 or more is good.",
                    "ค่าสัมประสิทธิ์แอลฟาของครอนบาค (KR-20 สำหรับข้อถูก/ผิด) 0.7 ขึ้นไปถือว่าดี"),
    "error_ratio": Column("Error ratio (%)", "อัตราส่วน ความคลาดเคลื่อน (%)",
                          "Share of the score spread that is measurement error (Moodle).",
                          "สัดส่วนความคลาดเคลื่อนในการวัดต่อการกระจายของคะแนน (Moodle)"),
    "standard_error": Column("Standard error", "ความคลาดเคลื่อน มาตรฐาน",
                             "Typical measurement error of a total score (Moodle).",
                             "ความคลาดเคลื่อนมาตรฐานของการวัด (Moodle)"),
    "pre_mean": Column("Mean before", "ค่าเฉลี่ย ก่อนอบรม", "Average rating before (1-5).",
                       "ค่าเฉลี่ยการประเมินตนเองก่อนอบรม (1-5)"),
    "post_mean": Column("Mean after", "ค่าเฉลี่ย หลังอบรม", "Average rating after (1-5).",
                        "ค่าเฉลี่ยการประเมินตนเองหลังอบรม (1-5)"),
    "change": Column("Change", "การเปลี่ยนแปลง", "Mean after minus mean before.",
                     "ค่าเฉลี่ยหลังลบค่าเฉลี่ยก่อน"),
    "gain_ci_low": Column("Mean gain, 95 % CI low", "คะแนนเพิ่มขึ้น ช่วงเชื่อมั่น 95% ต่ำ",
                          "Lower end of the paired t-test's 95 % interval of the mean gain.",
                          "ขอบล่างของช่วงความเชื่อมั่น 95% ของคะแนนเพิ่มขึ้นเฉลี่ย (paired t-test)"),
    "gain_ci_high": Column("Mean gain, 95 % CI high", "คะแนนเพิ่มขึ้น ช่วงเชื่อมั่น 95% สูง",
                           "Upper end of the paired t-test's 95 % interval of the mean gain.",
                           "ขอบบนของช่วงความเชื่อมั่น 95% ของคะแนนเพิ่มขึ้นเฉลี่ย (paired t-test)"),
    "fully_right": Column("Fully right", "สัดส่วนผู้ตอบ ถูกเต็มคะแนน",
                          "Share of people who earned the question's full marks.",
                          "สัดส่วนผู้ที่ได้คะแนนเต็มในข้อนี้"),
    "fully_right_pre": Column("Fully right before", "ตอบถูกเต็มคะแนน ก่อนอบรม",
                              "Share of paired people with full marks in the pre-test.",
                              "สัดส่วนผู้ที่ได้คะแนนเต็มในข้อนี้ก่อนอบรม"),
    "fully_right_post": Column("Fully right after", "ตอบถูกเต็มคะแนน หลังอบรม",
                               "Share of paired people with full marks in the post-test.",
                               "สัดส่วนผู้ที่ได้คะแนนเต็มในข้อนี้หลังอบรม"),
    "too_easy": Column("Too easy before (>= 90 % fully right)",
                       "ง่ายเกินไป ก่อนอบรม (≥ 90% ถูกเต็ม)",
                       "At least 90 % were fully right before the training: the item measures "
                       "little gain.", "ก่อนอบรมตอบถูกเต็มคะแนนตั้งแต่ 90% ขึ้นไป วัดการเรียนรู้ได้น้อย"),
    "not_learned": Column("Not learned (no gain)", "ไม่ได้เรียนรู้ (ไม่เพิ่มขึ้น)",
                          "No more people fully right after the training than before.",
                          "จำนวนผู้ตอบถูกเต็มคะแนนหลังอบรมไม่มากกว่าก่อนอบรม"),
    "weak_discrimination": Column("Weak discrimination", "อำนาจจำแนก ใกล้ศูนย์/ติดลบ",
                                  "Discrimination index under 10: the item does not tell "
                                  "stronger from weaker people.",
                                  "ดัชนีอำนาจจำแนกต่ำกว่า 10 แยกผู้รู้กับผู้ไม่รู้ไม่ได้"),
    "unused_distractors": Column("Distractors nobody chose", "ตัวลวง ที่ไม่มีใครเลือก",
                                 "Wrong options no one chose in any test.",
                                 "ตัวเลือกผิดที่ไม่มีใครเลือกเลยในทุกครั้ง"),
    "possible_wrong_key": Column("Possible wrong key", "เฉลยอาจผิด (ตัวเลือกที่ กลุ่มครึ่งบนเลือกมากกว่า)",
                                 "A wrong option the stronger half chose more often than a "
                                 "keyed one: check the key.",
                                 "ตัวเลือกผิดที่กลุ่มครึ่งบนเลือกมากกว่าเฉลย ควรตรวจเฉลย"),
    "group": Column("Group", "กลุ่ม", "The group the row describes.", "กลุ่มที่แถวนี้อธิบาย"),
    "n_all_three": Column("People who took all three tests", "จำนวนที่ทำครบ ทั้งสามครั้ง",
                          "People with a pre-test, a post-test and a follow-up.",
                          "จำนวนผู้ที่ทำแบบทดสอบครบทั้งก่อน หลัง และติดตามผล"),
    "followup_mean_percent": Column("Mean follow-up score (%)", "คะแนนเฉลี่ย ติดตามผล (%)",
                                    "Average follow-up score, in % of the maximum.",
                                    "คะแนนเฉลี่ยของการทดสอบติดตามผล เป็นร้อยละของคะแนนเต็ม"),
    "gain_kept": Column("Share of the gain kept", "สัดส่วนคะแนน ที่เพิ่มขึ้นซึ่ง ยังคงอยู่",
                        "(follow-up - pre) / (post - pre).",
                        "(ติดตามผล - ก่อนอบรม) / (หลังอบรม - ก่อนอบรม)"),
    "change_since_post": Column("Change since the post-test (points of %)",
                                "เปลี่ยนจาก หลังอบรม (จุด %)",
                                "Mean follow-up score minus mean post-test score.",
                                "คะแนนเฉลี่ยติดตามผลลบคะแนนเฉลี่ยหลังอบรม"),
    "change_ci_low": Column("Change since the post-test, 95 % CI low",
                            "เปลี่ยนจากหลังอบรม ช่วงเชื่อมั่น 95% ต่ำ",
                            "Lower end of the 95 % interval of the change.",
                            "ขอบล่างของช่วงความเชื่อมั่น 95% ของการเปลี่ยนแปลง"),
    "change_ci_high": Column("Change since the post-test, 95 % CI high",
                             "เปลี่ยนจากหลังอบรม ช่วงเชื่อมั่น 95% สูง",
                             "Upper end of the 95 % interval of the change.",
                             "ขอบบนของช่วงความเชื่อมั่น 95% ของการเปลี่ยนแปลง"),
    "option": Column("Option", "ตัวเลือก", "The option of the question.", "ตัวเลือกของข้อนี้"),
    "keyed": Column("Keyed", "เฉลย", "Whether the option is a correct one.",
                    "ตัวเลือกนี้เป็นคำตอบที่ถูกหรือไม่"),
    "share_pre": Column("Chose it before", "ผู้เลือก ก่อนอบรม",
                        "Share of people who chose the option in the pre-test.",
                        "สัดส่วนผู้ที่เลือกตัวเลือกนี้ก่อนอบรม"),
    "share_post": Column("Chose it after", "ผู้เลือก หลังอบรม",
                         "Share of people who chose the option in the post-test.",
                         "สัดส่วนผู้ที่เลือกตัวเลือกนี้หลังอบรม"),
    "share_stronger_half": Column("Chose it, stronger half", "ผู้เลือก ในกลุ่มครึ่งบน",
                                  "Share of the stronger half (by score on the other questions) "
                                  "who chose the option.",
                                  "สัดส่วนผู้เลือกตัวเลือกนี้ในกลุ่มที่ได้คะแนนข้ออื่นสูงกว่าครึ่งหนึ่ง"),
}


def header(code: str, lang: str) -> str:
    """The column's header in words; an unknown column keeps its code."""
    column = COLUMNS.get(code)
    if column is None:
        return code
    return column.th if lang == "th" else column.en


def meaning(code: str, lang: str) -> str:
    column = COLUMNS.get(code)
    if column is None:
        return ""
    return column.meaning_th if lang == "th" else column.meaning_en
