"""The words on the report charts, in Thai and in English (the report's two languages)."""

from __future__ import annotations

WORDS = {
    "th": {
        "pre": "ก่อนอบรม", "post": "หลังอบรม",
        "by_level": "คะแนนเฉลี่ยก่อนและหลังอบรม จำแนกตามระดับตำแหน่ง",
        "by_department": "คะแนนเฉลี่ยก่อนและหลังอบรม จำแนกตามหน่วยงาน",
        "participant_change": "คะแนนของผู้เข้าอบรมแต่ละคน ก่อนและหลังอบรม",
        "distribution": "การกระจายของคะแนน ก่อนและหลังอบรม",
        "by_topic": "คะแนนเฉลี่ยรายหัวข้อ ก่อนและหลังอบรม",
        "item_facility": "สัดส่วนผู้ตอบถูกเต็มคะแนนรายข้อ ก่อนและหลังอบรม",
        "mean_score": "คะแนนเฉลี่ย (%)", "score": "คะแนน (%)", "people": "จำนวนคน",
        "share_right": "ผู้ตอบถูกเต็มคะแนน (%)",
        "ci": "ช่วงความเชื่อมั่น 95%", "small": "กลุ่มน้อยกว่า {n} คน แปลผลอย่างระมัดระวัง",
        "paired_only": "เฉพาะผู้ทำแบบทดสอบครบทั้งก่อนและหลังอบรม {n} คน",
        "everyone": "ทุกคนที่ทำแบบทดสอบแต่ละครั้ง",
        "up": "คะแนนเพิ่มขึ้น {n} คน", "down": "คะแนนลดลง {n} คน", "same": "เท่าเดิม {n} คน",
        "mean": "ค่าเฉลี่ย", "mean_of": "ค่าเฉลี่ย{phase} {value:.1f}%",
        "phase_n": "{phase} ({n} คน)", "group_n": "{name} ({n} คน)", "gain": "เพิ่มขึ้น",
        "ceiling": "ตอบถูกเต็มคะแนน ≥ {share:.0%} ตั้งแต่ก่อนอบรม (ง่ายเกินไป)",
        "not_stated": "ไม่ระบุ", "no_data": "ยังไม่มีข้อมูล",
    },
    "en": {
        "pre": "Pre-test", "post": "Post-test",
        "by_level": "Mean score before and after training, by staff level",
        "by_department": "Mean score before and after training, by department",
        "participant_change": "Each participant's score before and after training",
        "distribution": "Distribution of scores before and after training",
        "by_topic": "Mean score per topic before and after training",
        "item_facility": "Share answering each question fully right, before and after training",
        "mean_score": "Mean score (%)", "score": "Score (%)", "people": "People",
        "share_right": "Answered fully right (%)",
        "ci": "95% confidence interval", "small": "Fewer than {n} people: interpret with care",
        "paired_only": "Only the {n} people who took both the pre-test and the post-test",
        "everyone": "Everyone who took each test",
        "up": "Improved: {n}", "down": "Declined: {n}", "same": "Unchanged: {n}",
        "mean": "Mean", "mean_of": "{phase} mean {value:.1f}%",
        "phase_n": "{phase} ({n} people)", "group_n": "{name} (n={n})", "gain": "Gain",
        "ceiling": "≥ {share:.0%} fully right before training (too easy)",
        "not_stated": "Not stated", "no_data": "No data yet",
    },
}
