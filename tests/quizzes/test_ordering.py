"""Shuffled orders are stable for an attempt and differ between attempts."""

from assessment.banks.bank import Bank, Option, Question, Topic
from assessment.quizzes.ordering import option_order, question_order


def _bank(n=12):
    options = tuple(Option(id=c, text={"th": c}) for c in "abcd")
    questions = tuple(Question(id=f"q{i:02}", topic="t", type="single", prompt={"th": "?"},
                               options=options) for i in range(n))
    return Bank(id="b", version=1, title={"th": "b"}, languages=("th",),
                topics=(Topic(id="t", title={"th": "t"}),), questions=questions)


def test_unshuffled_is_bank_order():
    bank = _bank()
    assert question_order(bank, 1, False) == [q.id for q in bank.questions]
    assert option_order(bank, 1, False)["q00"] == ["a", "b", "c", "d"]


def test_same_seed_same_order_other_seed_other_order():
    bank = _bank()
    assert question_order(bank, 7, True) == question_order(bank, 7, True)
    assert question_order(bank, 7, True) != question_order(bank, 8, True)
    assert sorted(question_order(bank, 7, True)) == [q.id for q in bank.questions]
    assert option_order(bank, 7, True) == option_order(bank, 7, True)
