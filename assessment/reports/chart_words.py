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
        "followup": "ติดตามผล",
        "retention": "คะแนนเฉลี่ยก่อนอบรม หลังอบรม และเมื่อติดตามผล",
        "everyone_n": "ทุกคน ({n} คน)",
        "retention_note": "จุด: คะแนนเฉลี่ยของแต่ละครั้ง เส้นตั้ง: ช่วงความเชื่อมั่น 95% "
                          "ของค่าเฉลี่ยครั้งนั้น เส้นสี: ค่าเฉลี่ยของแต่ละประเภทตำแหน่ง",
        "all_three": "เฉพาะผู้ทำแบบทดสอบครบทั้งสามครั้ง {n} คน",
        "small_left_out": "ไม่แสดงเส้นของประเภทตำแหน่งที่มีน้อยกว่า {n} คน",
        "gain_by_level_group": "คะแนนที่เพิ่มขึ้นเฉลี่ย จำแนกตามประเภทตำแหน่ง",
        "gain_by_department": "คะแนนที่เพิ่มขึ้นเฉลี่ย จำแนกตามหน่วยงาน",
        "gain_by_level": "คะแนนที่เพิ่มขึ้นเฉลี่ย จำแนกตามระดับตำแหน่ง",
        "gain_points": "คะแนนที่เพิ่มขึ้น (จุดร้อยละ)",
        "mean_gain": "คะแนนที่เพิ่มขึ้นเฉลี่ย (หลัง − ก่อนอบรม)",
        "gain_ci": "ช่วงความเชื่อมั่น 95% ของคะแนนที่เพิ่มขึ้น",
        "small_no_ci": "กลุ่มน้อยกว่า {n} คน ไม่แสดงช่วงความเชื่อมั่น",
        "gain_bars": "แท่ง: คะแนนหลังอบรมลบคะแนนก่อนอบรมของแต่ละคน เฉลี่ยทั้งกลุ่ม "
                     "เส้น: ช่วงความเชื่อมั่น 95% ของค่าเฉลี่ยนั้น "
                     "ช่วงที่ไม่คร่อมเส้น 0 แสดงว่าคะแนนเปลี่ยนอย่างชัดเจน",
        "phase_bars": "แท่ง: คะแนนเฉลี่ยของแต่ละครั้ง เส้น: ช่วงความเชื่อมั่น 95% "
                      "ของค่าเฉลี่ยครั้งนั้น เส้นที่ซ้อนกันไม่ได้แปลว่าคะแนนไม่เปลี่ยน "
                      "ดูการเปลี่ยนแปลงจากแผนภูมิคะแนนที่เพิ่มขึ้น",
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
        "followup": "Follow-up",
        "retention": "Mean score before, after training and at the follow-up",
        "everyone_n": "Everyone (n={n})",
        "retention_note": "Points: each test's mean score; vertical lines: the 95% confidence "
                          "interval of that mean; coloured lines: each staff level group's mean.",
        "all_three": "Only the {n} people who took all three tests",
        "small_left_out": "Level groups of fewer than {n} people are not drawn.",
        "gain_by_level_group": "Mean gain by staff level group",
        "gain_by_department": "Mean gain by department",
        "gain_by_level": "Mean gain by staff level",
        "gain_points": "Gain (points of percent)",
        "mean_gain": "Mean gain (post − pre)",
        "gain_ci": "95% confidence interval of the gain",
        "small_no_ci": "Fewer than {n} people: no interval",
        "gain_bars": "Bars: each person's post-test score minus pre-test score, averaged over "
                     "the group; lines: the 95% confidence interval of that mean gain. An "
                     "interval that does not cross 0 is a clear change.",
        "phase_bars": "Bars: each test's mean score; lines: the 95% confidence interval of that "
                      "test's mean. Overlapping lines do not mean no change: the gain chart "
                      "shows the change.",
    },
}
