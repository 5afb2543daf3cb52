"""qawl.actors: every merge and role rule does what RULES says, and only that.

Each rule is tested on a small corpus of occurrences, with the rule and without it
(``build_aliases(..., disabled={rule})``): the test fails when the rule is switched off.
"""
from __future__ import annotations

import pandas as pd
import pytest

from qawl import actors
from qawl.actors import GENERIC_PREFIX, RULES, apply_edits, build_aliases, read_form


def occurrences(*rows) -> pd.DataFrame:
    """Rows of (form, surface, kind, source, before, after, n); missing fields default."""
    filled = []
    for i, row in enumerate(rows):
        form, surface, kind, source, before, after, n = (list(row) + ["", "", "quote", "", "", 1][len(row) - 1:])[:7]
        filled.append({"doc_id": f"d{i}", "form": form, "surface": surface, "kind": kind, "source": source,
                       "before": before, "after": after, "n": n})
    return pd.DataFrame(filled)


def keys(table: pd.DataFrame) -> dict:
    return dict(zip(table["form"], table["key"]))


def same_actor(rows: pd.DataFrame, a: str, b: str, disabled=()) -> bool:
    k = keys(build_aliases(rows, disabled=disabled))
    return k[a] == k[b]


def test_every_rule_has_an_id_and_a_one_line_description():
    assert all(rule.startswith(("A-", "R-", "AFF-")) and text and "\n" not in text for rule, text in RULES.items())


def test_the_alias_table_has_its_columns_and_one_row_per_form():
    table = build_aliases(occurrences(("دونالد ترامب", "ترامب", "person"), ("الشركة",)))
    assert list(table.columns) == actors.ALIAS_COLUMNS
    assert sorted(table["form"]) == sorted(["دونالد ترامب", "ترامب", "الشركة"])
    assert table.set_index("form").loc["دونالد ترامب", "count"] == 1


@pytest.mark.parametrize("rule, a, b", [
    ("A-NORM", "أحمد المسماري", "احمد المسماري"),
    ("A-NORM", "عبد الفتاح السيسي", "عبدالفتاح السيسي"),
    ("A-HASHTAG", "#سيرغي_لافروف", "سيرغي لافروف"),
    ("A-CLITIC", "لCNN", "CNN"),
    ("A-LATIN", "CNN", "cnn"),
    ("A-TITLE", "الرئيس التركي، رجب طيب أردوغان", "رجب طيب أردوغان"),
    ("A-VARIANT-DATA", "أمريكا", "الولايات المتحدة"),
    ("A-VOWEL", "بنيامين نتنياهو", "بنيامين نتانياهو"),
    ("A-VOWEL", "دونالد ترمب", "دونالد ترامب"),
    ("A-VOWEL", "رجب طيب أردغان", "رجب طيب أردوغان"),
])
def test_a_merge_rule_joins_its_forms_and_only_with_it(rule, a, b):
    rows = occurrences((a, "", "person"), (b, "", "person"))
    assert same_actor(rows, a, b)
    assert not same_actor(rows, a, b, disabled={rule})


def test_a_named_body_loses_its_head_noun():
    rows = occurrences(("شركة أبل", "", "organisation"), ("أبل", "", "organisation"))
    assert same_actor(rows, "شركة أبل", "أبل", disabled={"A-SURNAME"})
    assert not same_actor(rows, "شركة أبل", "أبل", disabled={"A-SURNAME", "A-TITLE"})


def test_the_clitic_rule_joins_an_arabic_form_only_to_a_form_the_corpus_has():
    rows = occurrences(("لروبين", "", "person"), ("روبين", "", "person"), ("روبين", "", "person"),
                       ("لفريدمان", "", "person"), ("توماس فريدمان", "", "person"))
    assert same_actor(rows, "لروبين", "روبين")
    assert not same_actor(rows, "لروبين", "روبين", disabled={"A-CLITIC"})
    assert not same_actor(rows, "لفريدمان", "توماس فريدمان")


@pytest.mark.parametrize("a, b", [
    ("محمد عباس", "محمود عباس"),  # given names are compared exactly
    ("حامد", "حمد"),
    ("مارك", "ماركا"),  # the last letter counts
])
def test_vowel_matching_keeps_different_names_apart(a, b):
    assert not same_actor(occurrences((a, "", "person"), (b, "", "person")), a, b)


def test_vowel_matching_never_joins_a_person_and_a_place():
    rows = occurrences(("كورتوا", "", "PER", "mention"), ("كرواتيا", "", "LOC", "mention"))
    assert not same_actor(rows, "كورتوا", "كرواتيا")


def test_a_surname_joins_the_one_full_name_that_ends_with_it():
    rows = occurrences(("ماكرون", "", "person"), ("إيمانويل ماكرون", "", "person"))
    assert same_actor(rows, "ماكرون", "إيمانويل ماكرون")
    assert not same_actor(rows, "ماكرون", "إيمانويل ماكرون", disabled={"A-SURNAME"})


def test_a_surname_is_matched_only_for_people():
    rows = occurrences(("فيلق الشام", "فيلق الشام", "ORG", "mention"), ("الشام", "الشام", "LOC", "mention"))
    assert not same_actor(rows, "الشام", "فيلق الشام")


def test_a_surname_two_people_share_stays_apart():
    rows = occurrences(("عباس", "", "person"), ("محمود عباس", "", "person"), ("حيدر عباس", "", "person"))
    table = keys(build_aliases(rows))
    assert table["عباس"] not in (table["محمود عباس"], table["حيدر عباس"])
    assert table["محمود عباس"] != table["حيدر عباس"]


def test_a_bare_given_name_never_joins_a_surname():
    rows = occurrences(("سعيد", "", "person"), ("ريهام سعيد", "", "person"))
    assert not same_actor(rows, "سعيد", "ريهام سعيد")


def test_the_articles_link_a_shared_surname_to_one_person():
    # أوغلو ends two names, but every article that writes it means Çavuşoğlu
    rows = occurrences(("مولود جاويش أوغلو", "أوغلو", "person"), ("مولود جاويش أوغلو", "أوغلو", "person"),
                       ("جنان كفتان جو أوغلو", "", "person"))
    assert same_actor(rows, "أوغلو", "مولود جاويش أوغلو")
    assert not same_actor(rows, "أوغلو", "مولود جاويش أوغلو", disabled={"A-DOCLINK"})


def test_a_surname_the_articles_link_to_two_people_stays_apart():
    rows = occurrences(("جورج بوش", "بوش", "person"), ("بيلي بوش", "بوش", "person"))
    table = keys(build_aliases(rows))
    assert table["بوش"] not in (table["جورج بوش"], table["بيلي بوش"])


def test_a_title_alone_joins_the_person_the_corpus_gives_it_to():
    rows = occurrences(("الرئيس الأمريكي", "", "person"),
                       ("دونالد ترامب", "", "person", "quote", "وقال الرئيس الأمريكي "),
                       ("دونالد ترامب", "", "person", "quote", "وأكد الرئيس الأميركي "),
                       ("الرئيس الأمريكي دونالد ترامب", "", "person"))
    assert same_actor(rows, "الرئيس الأمريكي", "دونالد ترامب")
    assert keys(build_aliases(rows, disabled={"A-OFFICE"}))["الرئيس الأمريكي"].startswith(GENERIC_PREFIX)


def test_a_title_two_people_hold_stays_unnamed():
    rows = occurrences(("الرئيس الأمريكي", "", "person"),
                       ("دونالد ترامب", "", "person", "quote", "وقال الرئيس الأمريكي "),
                       ("باراك أوباما", "", "person", "quote", "وقال الرئيس الأمريكي "))
    assert keys(build_aliases(rows))["الرئيس الأمريكي"].startswith(GENERIC_PREFIX)


def test_a_capital_speaking_is_its_state_but_a_place_stays_a_place():
    rows = occurrences(("موسكو", "", "organisation", "quote"), ("روسيا", "", "organisation", "quote"),
                       ("بكين", "", "LOC", "mention"), ("الصين", "", "LOC", "mention"))
    table = build_aliases(rows)
    assert keys(table)["موسكو"] == keys(table)["روسيا"]
    assert keys(table)["بكين"] != keys(table)["الصين"]
    assert not same_actor(rows, "موسكو", "روسيا", disabled={"A-CAPITAL"})
    assert "موسكو" not in set(actors.entity_aliases(table)["form"])


def test_a_body_named_after_a_place_is_not_the_place():
    rows = occurrences(("جيش حلب", "", "organisation", "quote"), ("حلب", "", "LOC", "mention"),
                       ("حلب", "", "LOC", "mention"), ("جامعة القاهرة", "", "ORG", "mention"))
    table = build_aliases(rows)
    assert keys(table)["جيش حلب"] != keys(table)["حلب"]
    assert keys(table)["جامعة القاهرة"] != actors.name_key("القاهرة")  # a capital is a place
    assert same_actor(rows, "جيش حلب", "حلب", disabled={"A-BODY-OF-PLACE"})


def test_a_place_that_never_speaks_is_no_speaker():
    rows = occurrences(("سوريا", "", "LOC", "mention"), ("مصر", "", "organisation", "quote"),
                       ("حلب", "", "LOC", "mention"), ("حلب", "", "LOC", "target"),
                       ("لندن", "", "LOC", "mention"))
    table = build_aliases(rows).set_index("form")
    assert table.loc["مصر", "role"] == "minister_or_official"
    assert (table.loc["سوريا", "role"], table.loc["حلب", "role"], table.loc["لندن", "role"]) == ("none",) * 3
    assert table.loc["سوريا", "rule"].endswith("R-PLACE") and table.loc["سوريا", "affiliation"] == ""
    assert role_of(rows, "سوريا", disabled={"R-PLACE"}) == "minister_or_official"
    assert role_of(rows, "حلب", disabled={"R-PLACE"}) != "none"


@pytest.mark.parametrize("form, role", [
    ("الشركة", "organisation_or_spokesperson"),
    ("البيان", "document_or_report"),
    ("تقارير", "document_or_report"),
    ("مصدر مسؤول", "minister_or_official"),
    ("منظمة خيرية بريطانية", "organisation_or_spokesperson"),
    ('متحدثة باسم "ليفايز"', "organisation_or_spokesperson"),
])
def test_a_form_without_a_name_is_the_unnamed_actor_of_its_role(form, role):
    row = build_aliases(occurrences((form, "", "organisation"))).iloc[0]
    assert (row["key"], row["role"]) == (actors.generic_key(role), role)
    assert row["label"].startswith("(unnamed")


def test_a_pronoun_or_adverb_names_nobody():
    rows = occurrences(("لي", "", "person"), ("حينئذ", "", "person"))
    assert set(keys(build_aliases(rows)).values()) == {actors.generic_key("none")}
    assert not keys(build_aliases(rows, disabled={"A-NONE"}))["لي"] == actors.generic_key("none")


def test_named_bodies_keep_their_names():
    for form in ("وكالة الأنباء السعودية", "الحكومة السورية", "المحكمة الجنائية الدولية", "حماس"):
        reading = read_form(form)
        assert reading.key and not reading.generic_role, form


def test_the_label_is_the_fuller_name():
    rows = occurrences(("ترامب", "", "person"), ("ترامب", "", "person"), ("دونالد ترامب", "", "person"))
    assert set(build_aliases(rows)["label"]) == {"دونالد ترامب"}


def test_the_why_column_explains_a_merge():
    table = build_aliases(occurrences(("بنيامين نتنياهو", "", "person"), ("بنيامين نتانياهو", "", "person"),
                                      ("بنيامين نتانياهو", "", "person")))
    row = table.set_index("form").loc["بنيامين نتنياهو"]
    assert "A-VOWEL" in row["rule"] and "vowel" in row["why"]


# --- roles and affiliations ------------------------------------------------------------


def role_of(rows, form, disabled=()):
    return build_aliases(rows, disabled=disabled).set_index("form").loc[form, "role"]


def test_role_and_affiliation_from_the_words_before_the_speaker():
    rows = occurrences(("سيرغي لافروف", "", "person", "quote", "وقال وزير الخارجية الروسي "))
    table = build_aliases(rows).set_index("form")
    assert (table.loc["سيرغي لافروف", "role"], table.loc["سيرغي لافروف", "affiliation"]) == \
        ("minister_or_official", "روسيا")
    assert role_of(rows, "سيرغي لافروف", disabled={"R-CONTEXT"}) != "minister_or_official"


def test_role_from_an_apposition_after_the_speaker():
    rows = occurrences(("يورغن كلوب", "", "person", "quote", "وقال ", "، مدرب ليفربول، إن"),
                       ("دارا خسروشاهي", "", "person", "quote", "وقال ", "، الرئيس التنفيذي لشركة أوبر"))
    assert role_of(rows, "يورغن كلوب") == "other"
    assert role_of(rows, "دارا خسروشاهي") == "organisation_or_spokesperson"


def test_an_apposition_after_the_latin_spelling_and_its_comma():
    rows = occurrences(("غاري كنغ", "", "person", "quote", "ويقول ", " Gary King، أستاذ العلوم السياسية في جامعة"))
    assert role_of(rows, "غاري كنغ") == "expert_or_academic"
    assert role_of(rows, "غاري كنغ", disabled={"R-APPOSITION-WIDE"}) != "expert_or_academic"


def test_a_title_of_rank_yields_to_the_office_the_corpus_gives():
    rows = occurrences(("خالد بن عبد الله آل خليفة", "الشيخ خالد بن عبد الله آل خليفة", "person", "quote", "وأكد ",
                        "، نائب رئيس مجلس الوزراء البحريني، أن"),
                       ("خالد بن عبد الله آل خليفة", "", "", "mention", "وأكد الشيخ ", "، نائب رئيس مجلس الوزراء", 0))
    assert role_of(rows, "خالد بن عبد الله آل خليفة") == "minister_or_official"
    assert role_of(rows, "خالد بن عبد الله آل خليفة", disabled={"R-RANK"}) == "head_of_state_or_government"
    alone = occurrences(("حمد بن جاسم", "الشيخ حمد بن جاسم", "person"))
    assert role_of(alone, "حمد بن جاسم") == "head_of_state_or_government"  # nothing else says: the rank's role


def test_a_state_like_body_or_an_envoy_with_an_international_adjective_is_an_organisation():
    for form in ("المحكمة الجنائية الدولية", "الشرطة الأوروبية", "المبعوث الأممي"):
        assert actors.read_form(form).roles[0] == ("organisation_or_spokesperson", "R-INTERNATIONAL"), form
        assert actors.read_form(form, disabled=frozenset({"R-INTERNATIONAL"})).roles[0][0] == "minister_or_official"
    for form in ("وزارة التعاون الدولي", "الدول الأوروبية", "الشرطة المصرية"):  # still a state's
        assert actors.read_form(form).roles[0][0] == "minister_or_official", form


def test_a_federal_body_or_a_central_bank_is_a_state_voice():
    for form in ("مصرف الإمارات المركزي", "لجنة التجارة الفيدرالية الأميركية"):
        assert actors.read_form(form).roles[0] == ("minister_or_official", "R-STATE-ADJECTIVE"), form
        assert actors.read_form(form, disabled=frozenset({"R-STATE-ADJECTIVE"})).roles[0][0] == \
            "organisation_or_spokesperson"
    assert actors.read_form("بنك الاستثمار").roles[0][0] == "organisation_or_spokesperson"


def test_a_medium_school_or_committee_with_a_state_domain_adjective_is_a_state_body():
    for form in ("خلية الإعلام الحربي", "مركز الإعلام الأمني", "الكلية الأمنية", "لجنة برلمانية"):
        assert actors.read_form(form).roles[0] == ("minister_or_official", "R-DOMAIN-BODY"), form
        assert actors.read_form(form, disabled=frozenset({"R-DOMAIN-BODY"})).roles[0][0] != "minister_or_official"
    # رسمي says whose voice, not which state domain: the club's own website stays a medium
    assert actors.read_form("الموقع الرسمي للنادي").roles[0][0] == "journalist_or_media"


def test_saudi_local_government_is_a_state_voice():
    for form in ("أمانة منطقة الرياض", "إمارة منطقة عسير", "أمين العاصمة المقدسة"):
        assert actors.read_form(form).roles[0][0] == "minister_or_official", form
    assert actors.read_form("الأمانة العامة لمجلس التعاون").roles[0][0] == "organisation_or_spokesperson"


def test_a_state_directorate_or_service_is_a_state_voice():
    for form in ("المديرية العامة للجوازات", "الشؤون الصحية", "المديرية", "إبراهيم العنزي مدير عام جمرك الحديثة"):
        assert actors.read_form(form).roles[0][0] == "minister_or_official", form
    assert actors.read_form("المديرية العامة للجوازات").key  # a named body, not a description


def test_a_board_or_a_club_department_speaks_for_its_organisation():
    for form in ("مجلس إدارة النادي الأهلي", "إدارة الكرة", "مجلس الإدارة"):
        assert actors.read_form(form).roles[0][0] == "organisation_or_spokesperson", form
    assert actors.read_form("مجلس النواب").roles[0][0] == "minister_or_official"


def test_role_from_the_title_in_the_speaker_span():
    rows = occurrences(("هيذر نويرت", "المتحدثة باسم وزارة الخارجية الأمريكية هيذر نويرت", "person"),
                       ("هيذر نويرت", "", "PER", "mention"))
    assert role_of(rows, "هيذر نويرت") == "minister_or_official"
    assert role_of(rows, "هيذر نويرت", disabled={"R-TITLE"}) != "minister_or_official"


def test_a_head_takes_the_role_of_the_body_it_heads():
    rows = occurrences(("حسن توانا", "", "person", "quote", "وقال ", "، رئيس غرفة التجارة للإيرانيين"))
    assert role_of(rows, "حسن توانا") == "organisation_or_spokesperson"


def test_names_the_lexicon_lists_get_their_role():
    assert role_of(occurrences(("رويترز", "", "media")), "رويترز") == "journalist_or_media"
    assert role_of(occurrences(("حماس", "", "organisation")), "حماس") == "armed_group"


def test_a_state_speaking_is_an_official_voice():
    rows = occurrences(("إيران", "", "organisation", "quote", "وقالت "))
    assert role_of(rows, "إيران") == "minister_or_official"
    assert role_of(rows, "إيران", disabled={"R-STATE"}) != "minister_or_official"


def test_without_a_title_the_speaker_kind_decides():
    rows = occurrences(("ديزني", "", "organisation"), ("ديزني", "", "ORG", "mention"))
    assert role_of(rows, "ديزني") == "organisation_or_spokesperson"
    assert role_of(rows, "ديزني", disabled={"R-KIND"}) == "other"


def test_a_form_no_article_tags_as_a_name_and_no_title_describes_is_no_speaker():
    rows = occurrences(("قانوني لإنهاء زواج الأطفال", "", "person"))
    assert role_of(rows, "قانوني لإنهاء زواج الأطفال") == "none"
    assert role_of(rows, "قانوني لإنهاء زواج الأطفال", disabled={"R-UNTAGGED"}) == "other"


def test_a_demonstrative_phrase_names_nobody():
    assert build_aliases(occurrences(("تلك المرحلة", "", "person")))["key"].iloc[0] == actors.generic_key("none")


# --- the researcher's table -----------------------------------------------------------------


@pytest.fixture
def auto():
    return build_aliases(occurrences(("دونالد ترامب", "", "person", "quote", "وقال الرئيس الأمريكي "),
                                     ("ترامب", "", "person"), ("البيت الأبيض", "", "organisation")))


def test_an_edited_key_moves_a_form_and_is_recorded(auto):
    edits = pd.DataFrame([{"form": "البيت الأبيض", "key": auto.set_index("form").loc["ترامب", "key"]}])
    table = apply_edits(auto, edits.reindex(columns=actors.EDIT_COLUMNS, fill_value="")).set_index("form")
    assert table.loc["البيت الأبيض", "key"] == table.loc["ترامب", "key"]
    assert table.loc["البيت الأبيض", "label"] == "دونالد ترامب"
    assert table.loc["البيت الأبيض", "rule"] == "A-RESEARCHER"


def test_an_edited_role_applies_to_every_form_of_the_actor(auto):
    edits = pd.DataFrame([{"form": "ترامب", "role": "party_or_opposition"}]).reindex(
        columns=actors.EDIT_COLUMNS, fill_value="")
    table = apply_edits(auto, edits).set_index("form")
    assert table.loc["دونالد ترامب", "role"] == table.loc["ترامب", "role"] == "party_or_opposition"


def test_the_unchanged_rows_of_a_returned_table_change_nothing(auto):
    same = auto[actors.EDIT_COLUMNS]
    assert apply_edits(auto, same).equals(auto)


def test_an_alias_csv_with_an_unknown_role_is_refused(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("form,key,label,role,affiliation\nترامب,trump,Trump,president,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown roles"):
        actors.read_alias_csv(path)


def test_merged_frames_name_actors():
    aliases = build_aliases(occurrences(("بنيامين نتنياهو", "", "person"), ("بنيامين نتانياهو", "", "person"),
                                        ("بنيامين نتانياهو", "", "PER", "mention")))
    quotes = pd.DataFrame({"speaker": ["نتنياهو", "x"], "speaker_canonical": ["بنيامين نتنياهو", ""]})
    merged = actors.merge_quotes(quotes, aliases)
    assert list(merged["speaker_canonical"]) == ["بنيامين نتانياهو", ""]
    assert list(merged["speaker_role"]) == ["other", ""]
    stances = pd.DataFrame({"speaker": ["بنيامين نتنياهو"], "target": ["بنيامين نتنياهو"]})
    assert actors.merge_stances(stances, aliases)["target"].iloc[0] == "بنيامين نتانياهو"


def test_a_moved_form_takes_the_label_of_the_actor_it_joins_even_from_a_whole_table(auto):
    # the researcher passes back the whole table, with one key changed and the old label left in
    edited = auto[actors.EDIT_COLUMNS].copy()
    trump = auto.set_index("form").loc["ترامب", "key"]
    edited.loc[edited["form"] == "البيت الأبيض", "key"] = trump
    table = apply_edits(auto, edited).set_index("form")
    assert set(table.loc[["البيت الأبيض", "ترامب", "دونالد ترامب"], "label"]) == {"دونالد ترامب"}


def test_a_former_office_is_not_the_office():
    rows = occurrences(("الرئيس الأمريكي السابق", "", "person"),
                       ("دونالد ترامب", "", "person", "quote", "وقال الرئيس الأمريكي "),
                       ("دونالد ترامب", "", "person", "quote", "وقال الرئيس الأمريكي "))
    assert keys(build_aliases(rows))["الرئيس الأمريكي السابق"].startswith(GENERIC_PREFIX)


# --- roles that generalise (issue 16) ------------------------------------------------------


def test_a_plural_or_feminine_of_a_listed_term_takes_its_role():
    rows = occurrences(("المتظاهرين", "", "person"), ("وكالات الأنباء الروسية", "", "media"),
                       ("النقابات المهنية", "", "organisation"))
    table = build_aliases(rows).set_index("form")
    assert table.loc["المتظاهرين", "role"] == "citizen_or_witness"
    assert table.loc["وكالات الأنباء الروسية", "role"] == "journalist_or_media"
    assert table.loc["النقابات المهنية", "role"] == "organisation_or_spokesperson"
    assert "R-PLURAL" in table.loc["المتظاهرين", "rule"]
    assert role_of(rows, "المتظاهرين", disabled={"R-PLURAL"}) != "citizen_or_witness"


def test_unnamed_groups_of_people_take_the_role_of_what_they_are():
    """Generic groups that the full run left roleless (ROLES.md: observers and specialists are
    experts, passengers and investors ordinary people, organisers an organisation)."""
    rows = occurrences(("بعض المستثمرين", "", "person"), ("المراقبون", "", "person"), ("الناس", "", "person"),
                       ("منظمو المهرجان", "", "person"), ("بعض الفلكيين", "", "person"))
    table = build_aliases(rows).set_index("form")
    assert table.loc["بعض المستثمرين", "role"] == "citizen_or_witness"
    assert table.loc["الناس", "role"] == "citizen_or_witness"
    assert table.loc["المراقبون", "role"] == "expert_or_academic"
    assert table.loc["بعض الفلكيين", "role"] == "expert_or_academic"
    assert table.loc["منظمو المهرجان", "role"] == "organisation_or_spokesperson"


def test_derived_forms_never_make_a_given_name_or_a_bare_word_a_title():
    lex = actors.lexicons()
    assert ("ناجي",) not in lex.terms  # the bare form of الناجي is a given name
    assert ("الحماس",) not in lex.terms  # a named body is not inflected


def test_a_phrase_opening_with_a_preposition_names_nobody():
    rows = occurrences(("كالعقوبات والعائلات المنفصلة", "", "person"), ("بالمر", "", "person"))
    table = build_aliases(rows).set_index("form")
    assert table.loc["كالعقوبات والعائلات المنفصلة", "key"] == actors.generic_key("none")
    assert not table.loc["بالمر", "key"].startswith(GENERIC_PREFIX)
    assert not keys(build_aliases(rows, disabled={"A-NONE"}))["كالعقوبات والعائلات المنفصلة"] \
        .startswith(actors.generic_key("none"))


def test_the_medium_a_speaker_talked_to_is_cut_from_the_name():
    rows = occurrences(("جونسون لبي بي سي", "", "person"), ("جونسون", "", "person"),
                       ("ترامب لـCNN", "", "person"), ("ترامب", "", "person"))
    assert same_actor(rows, "جونسون لبي بي سي", "جونسون")
    assert same_actor(rows, "ترامب لـCNN", "ترامب")
    assert not same_actor(rows, "جونسون لبي بي سي", "جونسون", disabled={"A-ADDRESSEE"})


def test_an_untitled_name_with_a_feminine_nisba_is_a_company():
    rows = occurrences(("شاومي الصينية", "", "person"), ("شاومي", "", "ORG", "mention"))
    table = build_aliases(rows).set_index("form")
    assert table.loc["شاومي الصينية", "role"] == "organisation_or_spokesperson"
    assert table.loc["شاومي الصينية", "key"] == table.loc["شاومي", "key"]
    assert role_of(rows, "شاومي الصينية", disabled={"R-NISBA-BODY"}) != "organisation_or_spokesperson"
    assert read_form("القدس العربي").key == actors.name_key("القدس العربي")  # a masculine adjective stays


def test_a_document_before_a_name_is_what_the_actor_issued():
    rows = occurrences(("هاني رمزي", "قرار هاني رمزي المفاجئ", "person"),
                       ("هاني رمزي", "", "PER", "mention", "وأعلنت إحدى القنوات عن عرضه. قرار "))
    assert role_of(rows, "هاني رمزي") != "document_or_report"
    assert role_of(rows, "هاني رمزي", disabled={"R-DOCUMENT-OWNER"}) == "document_or_report"


def test_an_age_after_the_name_marks_an_ordinary_person():
    rows = occurrences(("كريم", "", "person", "quote", "يقول ", " (29 عاما) إنه ينوي الانتقال"),
                       ("كريم", "", "PER", "mention"))
    assert role_of(rows, "كريم") == "citizen_or_witness"
    assert role_of(rows, "كريم", disabled={"R-AGE"}) != "citizen_or_witness"


def test_an_age_yields_to_a_title_the_corpus_gives():
    rows = occurrences(("جيانلويجي بوفون", "", "person", "quote", "وقال ", " (40 عاما) في مؤتمر صحفي"),
                       ("جيانلويجي بوفون", "", "person", "quote", "وقال الحارس ", " إن"))
    assert role_of(rows, "جيانلويجي بوفون") == "other"


def test_an_anonymous_source_or_a_leader_takes_the_role_of_the_body_named_after_it():
    rows = occurrences(("مصدر مسؤول في المؤسسة", "", "person"), ("زعيم الجالية اليهودية الألمانية", "", "person"),
                       ("مصدر مسؤول", "", "person"))
    table = build_aliases(rows).set_index("form")
    assert table.loc["مصدر مسؤول في المؤسسة", "role"] == "organisation_or_spokesperson"
    assert table.loc["زعيم الجالية اليهودية الألمانية", "role"] == "organisation_or_spokesperson"
    assert table.loc["مصدر مسؤول", "role"] == "minister_or_official"


# --- affiliations (AFFILIATIONS.md) -----------------------------------------------------------


def affiliation_of(rows, form, disabled=()):
    row = build_aliases(rows, disabled=disabled).set_index("form").loc[form]
    return row["affiliation"], row["rule"]


def test_a_state_or_its_capital_speaks_for_the_state():
    rows = occurrences(("موسكو", "", "LOC", "quote"), ("أنقرة", "", "LOC", "quote"), ("تركيا", "", "LOC", "quote"))
    assert affiliation_of(rows, "موسكو") == ("روسيا", "A-CAPITAL+R-STATE+AFF-STATE")
    assert affiliation_of(rows, "أنقرة")[0] == affiliation_of(rows, "تركيا")[0] == "تركيا"
    assert not affiliation_of(rows, "موسكو", disabled={"AFF-STATE"})[1].endswith("AFF-STATE")
    assert affiliation_of(rows, "موسكو", disabled={"AFF-STATE", "AFF-NISBA"})[0] == ""


def test_a_named_body_speaks_for_itself_and_a_government_for_its_country():
    rows = occurrences(("صحيفة \"لوموند\" الفرنسية", "", "media"), ("الحكومة السورية", "", "organisation"),
                       ("شاومي الصينية", "", "organisation"))
    assert affiliation_of(rows, "صحيفة \"لوموند\" الفرنسية") == ("لوموند", "A-TITLE+R-TITLE+AFF-SELF")
    assert affiliation_of(rows, "الحكومة السورية")[0] == "سوريا"
    assert affiliation_of(rows, "شاومي الصينية")[0] == "شاومي"
    assert affiliation_of(rows, "صحيفة \"لوموند\" الفرنسية", disabled={"AFF-SELF"})[0] != "لوموند"


@pytest.mark.parametrize("before, after, expected", [
    ("وقال المتحدث باسم الجيش الإسرائيلي ", "", "الجيش الإسرائيلي"),
    ("وقال ", "، الرئيس التنفيذي لشركة أوبر، إن", "أوبر"),
    ("وقالت أستاذة التسويق في جامعة الكويت ", "", "جامعة الكويت"),
    ("وقال ", " من جامعة جورج واشنطن إن", "جامعة جورج واشنطن"),
    ("وقال النائب عن حزب العمال ", "", "حزب العمال"),
])
def test_a_person_speaks_for_the_body_the_title_names(before, after, expected):
    rows = occurrences(("فلان الفلاني", "", "person", "quote", before, after), ("فلان الفلاني", "", "PER", "mention"))
    affiliation, rule = affiliation_of(rows, "فلان الفلاني")
    assert (affiliation, rule.split("+")[-1]) == (expected, "AFF-BODY")
    assert affiliation_of(rows, "فلان الفلاني", disabled={"AFF-BODY"})[0] != expected


def test_an_official_speaks_for_the_country_and_a_nationality_alone_is_no_affiliation():
    rows = occurrences(("سيرغي لافروف", "", "person", "quote", "وقال وزير الخارجية الروسي "),
                       ("هيذر نويرت", "", "person", "quote", "وقالت المتحدثة باسم وزارة الخارجية الأمريكية "),
                       ("سعاد ماسي", "", "person", "quote", "وقالت المطربة الجزائرية "),
                       ("ناشطون سوريون", "", "person"), ("وزير الخارجية التركي", "", "person"))
    table = build_aliases(rows).set_index("form")
    assert table.loc["سيرغي لافروف", "affiliation"] == "روسيا"
    assert table.loc["هيذر نويرت", "affiliation"] == "الولايات المتحدة"
    assert table.loc["وزير الخارجية التركي", "affiliation"] == "تركيا"
    assert table.loc["سعاد ماسي", "affiliation"] == ""
    assert table.loc["ناشطون سوريون", "affiliation"] == ""
    assert affiliation_of(rows, "سيرغي لافروف", disabled={"AFF-NISBA"})[0] == ""


def test_a_title_alone_as_the_speaker_is_read_with_the_words_that_go_on_describing_it():
    rows = occurrences(("القيادي", "", "person", "quote", "ونفى ", ' البارز في "جيش الإسلام"، الفصيل الأقوى'),
                       ("القيادي", "", "person", "quote", "ونفى ", ' البارز في "جيش الإسلام" أي مفاوضات'))
    row = build_aliases(rows).set_index("form").loc["القيادي"]
    assert (row["role"], row["affiliation"]) == ("armed_group", "جيش الإسلام")
    assert "R-CONTINUED" in row["rule"]
    assert role_of(rows, "القيادي", disabled={"R-CONTINUED"}) == "party_or_opposition"


def test_a_title_is_not_continued_by_the_verb_complement():
    rows = occurrences(("المتحدث", "", "person", "quote", "وقال ", " إن الجيش السوري تقدم"))
    assert role_of(rows, "المتحدث") == role_of(rows, "المتحدث", disabled={"R-CONTINUED"})


def test_a_counterpart_holds_the_office_named_before_it():
    rows = occurrences(("عادل الجبير", "", "PER", "mention", "ووزير الخارجية صباح خالد الصباح، ونظيره السعودي ", "", 0),
                       ("عادل الجبير", "", "person", "quote", "وقال "))
    row = build_aliases(rows).set_index("form").loc["عادل الجبير"]
    assert (row["role"], row["affiliation"]) == ("minister_or_official", "السعودية")
    assert "R-COUNTERPART" in row["rule"]
    assert role_of(rows, "عادل الجبير", disabled={"R-COUNTERPART"}) != "minister_or_official"


def test_look_alike_names_never_chain_a_person_into_a_place():
    rows = occurrences(("دبي", "", "LOC", "mention", "", "", 3),
                       ("ممفيس ديباي", "ديباي", "person", "quote", "وقال ", " إنه"),
                       ("ممفيس ديباي", "", "PER", "mention", "", "", 2))
    assert not same_actor(rows, "ممفيس ديباي", "دبي")
    assert same_actor(rows, "ممفيس ديباي", "دبي", disabled={"A-TYPE"})


@pytest.mark.parametrize("a, b, same", [
    ("ترمب", "ترامب", True), ("نتنياهو", "نتانياهو", True), ("بوتين", "بوتن", True),
    ("اليمن", "المان", False), ("كيري", "كاري", False), ("السعوديه", "السعاده", False),
    ("الناصره", "الناصريه", False), ("تايبيه", "تايبه", True)])
def test_vowel_variants_add_vowel_letters_and_never_swap_them(a, b, same):
    from qawl.actors.lexicon import vowels_added
    assert vowels_added(a, b) is same


def test_a_short_word_with_the_article_is_compared_exactly():
    rows = occurrences(("صحيفة الوئام", "", "media"), ("الوئام", "", "media"), ("الأيام", "", "media"),
                       ("الأم", "", "person"))
    assert not same_actor(rows, "الوئام", "الأيام")
    assert not same_actor(rows, "الأم", "الأيام")


@pytest.mark.parametrize("clitic, bare", [("للحلف الأطلسي", "الحلف الأطلسي"), ("وشريف إكرامي", "شريف إكرامي")])
def test_a_glued_article_preposition_or_conjunction_joins_the_bare_name(clitic, bare):
    rows = occurrences((bare, "", "ORG", "mention", "", "", 3), (clitic, "", "ORG", "mention"))
    assert same_actor(rows, clitic, bare)
    assert not same_actor(rows, clitic, bare, disabled={"A-CLITIC"})


def test_a_name_the_articles_resolve_to_several_people_stays_apart():
    def row(doc, form, surface):
        return {"doc_id": doc, "form": form, "surface": surface, "kind": "person", "source": "quote",
                "before": "وقال ", "after": "", "n": 1}
    rows = pd.DataFrame([row("a1", "سلمان بن عبدالعزيز", "الملك عبدالعزيز"),
                         row("a2", "عبدالعزيز الخميس", "الكاتب عبدالعزيز"),
                         row("a3", "محمد يوسف عبدالعزيز", "عبدالعزيز")])
    assert not same_actor(rows, "سلمان بن عبدالعزيز", "عبدالعزيز الخميس")
    assert not same_actor(rows, "عبدالعزيز", "محمد يوسف عبدالعزيز")


def test_a_given_and_family_name_joins_the_one_full_name_with_a_nasab():
    rows = occurrences(("عادل بن أحمد الجبير", "", "PER", "mention", "", "", 2),
                       ("عادل الجبير", "", "person", "quote", "وقال "), ("عادل الجبير", "", "PER", "mention"))
    assert same_actor(rows, "عادل الجبير", "عادل بن أحمد الجبير")
    assert not same_actor(rows, "عادل الجبير", "عادل بن أحمد الجبير", disabled={"A-NASAB"})


def in_articles(*rows) -> pd.DataFrame:
    """Occurrences with their article: rows of (doc_id, form, kind, source)."""
    return pd.DataFrame([{"doc_id": doc, "form": form, "surface": "", "kind": kind, "source": source,
                          "before": "وقالت " if source == "quote" else "", "after": "", "n": 1}
                         for doc, form, kind, source in rows])


def test_a_nisba_joins_a_body_to_its_one_name_with_a_nisba():
    rows = in_articles(("a1", "قوات البيشمركة الكردية", "ORG", "mention"), ("a1", "قوات البيشمركة", "organisation", "quote"),
                       ("a2", "قوات البيشمركة", "ORG", "mention"))
    assert same_actor(rows, "قوات البيشمركة", "قوات البيشمركة الكردية")
    assert not same_actor(rows, "قوات البيشمركة", "قوات البيشمركة الكردية", disabled={"A-NISBA"})


def test_a_nisba_keeps_apart_two_nisbas_and_names_no_article_links():
    two = in_articles(("a1", "وزارة الخارجية الأمريكية", "ORG", "mention"), ("a1", "وزارة الخارجية", "organisation", "quote"),
                      ("a2", "وزارة الخارجية الروسية", "ORG", "mention"), ("a2", "وزارة الخارجية", "ORG", "mention"))
    assert not same_actor(two, "وزارة الخارجية", "وزارة الخارجية الأمريكية")
    assert not same_actor(two, "وزارة الخارجية", "وزارة الخارجية الروسية")
    apart = in_articles(("a1", "كلية الاقتصاد المنزلي", "ORG", "mention"), ("a2", "كلية الاقتصاد", "organisation", "quote"),
                        ("a2", "كلية الاقتصاد", "ORG", "mention"))
    assert not same_actor(apart, "كلية الاقتصاد", "كلية الاقتصاد المنزلي")


def test_a_nasab_match_stays_apart_when_two_people_or_a_given_name_could_be_meant():
    two = occurrences(("خالد بن محمد العطية", "", "PER", "mention"), ("خالد بن سعد العطية", "", "PER", "mention"),
                      ("خالد العطية", "", "person", "quote", "وقال "), ("خالد العطية", "", "PER", "mention"))
    assert not same_actor(two, "خالد العطية", "خالد بن محمد العطية")
    given = occurrences(("محمد بن سعد حسين", "", "PER", "mention"), ("محمد حسين", "", "person", "quote", "وقال "),
                        ("محمد حسين", "", "PER", "mention"))
    assert not same_actor(given, "محمد حسين", "محمد بن سعد حسين")


def test_a_military_rank_before_a_name_is_a_title_but_alone_names_nobody():
    """الفريق is a rank before a name (الفريق مهاب مميش) and "the team" alone: never a name of its own."""
    rows = occurrences(("الفريق مهاب مميش", "", "person", "quote", "وقال "), ("مهاب مميش", "", "PER", "mention"),
                       ("الفريق أول صدقي صبحي", "", "person", "quote", "وقال "), ("صدقي صبحي", "", "PER", "mention"),
                       ("الفريق", "", "organisation", "quote", "وقال "))
    assert same_actor(rows, "الفريق مهاب مميش", "مهاب مميش")
    assert same_actor(rows, "الفريق أول صدقي صبحي", "صدقي صبحي")
    assert keys(actors.build_aliases(rows))["الفريق"].startswith("generic:")


@pytest.mark.parametrize("form, key", [
    ("حلف شمال الأطلسي", "حلف شمال الاطلسي"),
    ("منظمة حلف شمال الأطلسي", "حلف شمال الاطلسي"),
    ("جامعة شمال تكساس", "جامعه شمال تكساس"),
    ("شركة أبل الأمريكية", "ابل"),
])
def test_a_body_head_before_a_point_of_the_compass_stays_in_the_name(form, key):
    """حلف شمال الأطلسي is no شمال: a place in construct after a body's head is the name itself."""
    assert read_form(form).key == key


@pytest.mark.parametrize("form", ["مستشار ترامب", "زوجة ترامب", "مدير مكتب نتنياهو", "سفير بوتين",
                                  "نجل صدام حسين"])
def test_a_of_name_an_aide_or_relative_of_a_name_is_not_its_bearer(form):
    reading = read_form(form)
    assert reading.key == "" and "A-OF-NAME" in reading.rules
    assert read_form(form, disabled=frozenset({"A-OF-NAME"})).key != ""


@pytest.mark.parametrize("form, key", [
    ("الرئيس ترامب", "ترامب"),                      # a definite title is the bearer's own
    ("وزير الخارجية عادل الجبير", "عادل الجبير"),
    ("أم كلثوم", "ام كلثوم"),                        # a kunya is a name
])
def test_a_of_name_leaves_titles_and_kunyas(form, key):
    assert read_form(form).key == key


def test_a_of_name_leaves_a_long_name_that_may_hold_a_place_and_the_bearer():
    """سفير نيوزيلندا جيرارد فان بوهيمن: the ambassador's own name follows the state."""
    assert "A-OF-NAME" not in read_form("سفير نيوزيلندا جيرارد فان بوهيمن").rules


def test_a_lineage_joins_a_nasab_name_to_its_one_fullest_form_with_a_house():
    rows = occurrences(("سلمان بن عبدالعزيز آل سعود", "", "PER", "mention", "", "", 5),
                       ("سلمان بن عبدالعزيز", "", "person", "quote", "وقال الملك ", " إن", 3),
                       ("سلمان بن عبدالعزيز", "", "PER", "mention", "", "", 2),
                       ("محمد بن سلمان بن عبدالعزيز آل سعود", "", "PER", "mention", "", "", 5),
                       ("محمد بن سلمان", "", "PER", "mention", "", "", 4))
    assert same_actor(rows, "سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز آل سعود")
    assert same_actor(rows, "محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز آل سعود")
    assert not same_actor(rows, "سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز آل سعود", disabled={"A-LINEAGE"})


def test_a_lineage_keeps_apart_two_families_and_a_name_without_a_house():
    two = occurrences(("عبدالله بن عبدالعزيز آل سعود", "", "PER", "mention", "", "", 5),
                      ("عبدالله بن عبدالعزيز الربيعة", "", "PER", "mention", "", "", 5),
                      ("عبدالله بن عبدالعزيز", "", "PER", "mention", "", "", 3))
    assert not same_actor(two, "عبدالله بن عبدالعزيز", "عبدالله بن عبدالعزيز آل سعود")
    plain = occurrences(("سعد بن عبدالرحمن العبدان", "", "PER", "mention", "", "", 5),
                        ("سعد بن عبدالرحمن", "", "PER", "mention", "", "", 3))
    assert not same_actor(plain, "سعد بن عبدالرحمن", "سعد بن عبدالرحمن العبدان")


def test_a_father_s_name_joins_no_one():
    """الملك سلمان is not محمد بن سلمان: a name standing after a nasab particle is the father's, so
    neither an article's link (A-DOCLINK) nor the corpus's endings (A-SURNAME) join it to the son."""
    linked = occurrences(("محمد بن سلمان", "سلمان", "PER", "mention", "", "", 5),
                         ("سلمان", "", "person", "quote", "وقال الملك ", " إن"), ("محمد بن سلمان", "", "PER", "mention"))
    assert not same_actor(linked, "سلمان", "محمد بن سلمان")
    clipped = occurrences(("محمد بن سلمان بن", "", "PER", "mention"), ("سلمان بن", "", "PER", "mention"))
    assert not same_actor(clipped, "سلمان بن", "محمد بن سلمان بن")


@pytest.mark.parametrize("form, key", [
    ("مساعد بن محمد العيبان", "مساعد بن محمد العيبان"),  # مساعد is his given name, not "assistant"
    ("أمير بن علي", "امير بن علي"),
    ("الرئيس بن علي", "بن علي"),                          # a definite title stays a title
    ("الأمير سلطان بن سلمان", "سلطان بن سلمان"),
])
def test_a_title_word_right_before_bin_is_a_given_name(form, key):
    assert read_form(form).key == key



def test_a_article_shift_joins_a_body_named_in_construct_and_with_an_adjective():
    rows = in_articles(("a1", "الحلف الأطلسي", "ORG", "mention"), ("a1", "الحلف الأطلسي", "organisation", "quote"),
                       ("a2", "حلف الأطلسي", "ORG", "mention"), ("a3", "حلف الأطلسي", "organisation", "quote"))
    assert same_actor(rows, "الحلف الأطلسي", "حلف الأطلسي")
    assert not same_actor(rows, "الحلف الأطلسي", "حلف الأطلسي", disabled={"A-ARTICLE-SHIFT"})
    # a person and a body are never joined so
    rows = in_articles(("a1", "الحلف الأطلسي", "ORG", "mention"), ("a1", "الحلف الأطلسي", "ORG", "mention"),
                       ("a2", "حلف الأطلسي", "PER", "mention"), ("a3", "حلف الأطلسي", "PER", "mention"))
    assert not same_actor(rows, "الحلف الأطلسي", "حلف الأطلسي")


def test_a_translit_joins_a_foreign_given_name_written_two_ways():
    rows = in_articles(("a1", "سامانثا باور", "PER", "mention"), ("a1", "سامانثا باور", "person", "quote"),
                       ("a2", "سامنتا باور", "PER", "mention"), ("a3", "سامنتا باور", "person", "quote"))
    assert same_actor(rows, "سامانثا باور", "سامنتا باور")
    assert not same_actor(rows, "سامانثا باور", "سامنتا باور", disabled={"A-TRANSLIT"})
    # a tribe's family name and Arabic given names stay apart (جزاء / غزاي الحربي; محمد / محمود)
    rows = in_articles(("a1", "جزاء الحربي", "PER", "mention"), ("a2", "غزاي الحربي", "PER", "mention"),
                       ("a1", "محمد كارتر", "PER", "mention"), ("a2", "محمود كارتر", "PER", "mention"))
    assert not same_actor(rows, "جزاء الحربي", "غزاي الحربي")
    assert not same_actor(rows, "محمد كارتر", "محمود كارتر")


# --- session 19: names and roles read at corpus scale ----------------------------------------


def test_a_title_s_complement_is_no_name():
    rows = occurrences(("الاتحاد الدولي لكرة القدم", "", "organisation"), ("الاتحاد المصري لكرة القدم", "", "organisation"),
                       ("الرئيس العام لشؤون المسجد الحرام والمسجد النبوي الشيخ عبدالرحمن السديس", "", "person"))
    k = keys(build_aliases(rows))
    assert k["الاتحاد الدولي لكرة القدم"] != k["الاتحاد المصري لكرة القدم"]  # not both "football"
    assert k["الرئيس العام لشؤون المسجد الحرام والمسجد النبوي الشيخ عبدالرحمن السديس"] == "عبدالرحمن السديس"
    assert same_actor(rows, "الاتحاد الدولي لكرة القدم", "الاتحاد المصري لكرة القدم", disabled={"A-FOR-COMPLEMENT"})


def test_a_complement_guard_keeps_names_that_open_with_l_or_b():
    for form, name in (("الرئيس السوري بشار الأسد", "بشار الاسد"), ("مدرب ليفربول الإنجليزي", "ليفربول الانجليزي"),
                       ("الوزير ليلى الطرابلسي", "ليلي الطرابلسي")):
        assert actors.read_form(form).key == name, form


def test_a_body_head_alone_is_no_name():
    rows = occurrences(("نادي الاتحاد", "", "organisation"), ("نادي الاتفاق", "", "organisation"),
                       ("تنظيم الدولة الإسلامية", "", "organisation"), ("حزب المحافظين", "", "organisation"))
    k = keys(build_aliases(rows))
    assert len({k["نادي الاتحاد"], k["نادي الاتفاق"]}) == 2
    assert "نادي" not in k.values() and "تنظيم" not in k.values() and "حزب" not in k.values()
    assert same_actor(rows, "نادي الاتحاد", "نادي الاتفاق", disabled={"A-BODY-HEAD-ALONE"})


def test_a_spokesperson_of_a_body_glued_to_a_preposition_is_its_official_with_his_name():
    form = "الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد عاطي القرشي"
    table = build_aliases(occurrences((form, "", "person"), ("المتحدث الرسمي لوزارة العمل تيسير المفرج", "", "person")))
    row = table.set_index("form")
    assert row.loc[form, "key"] == "عاطي القرشي" and row.loc[form, "role"] == "minister_or_official"
    assert row.loc["المتحدث الرسمي لوزارة العمل تيسير المفرج", "role"] == "minister_or_official"
    off = build_aliases(occurrences((form, "", "person")), disabled={"A-BODY-RUN"}).set_index("form")
    assert off.loc[form, "key"] != "عاطي القرشي"


def test_sources_take_the_role_of_their_domain_and_name_nobody():
    table = build_aliases(occurrences(("مصادر قضائية", "", "person"), ("مصادر إعلامية", "", "person"),
                                      ("مصادر طبية", "", "person"), ("مصادر محلية في عدن", "", "person"),
                                      ("عدن", "", "LOC", "mention")))
    row = table.set_index("form")
    assert row.loc["مصادر قضائية", "role"] == "minister_or_official"
    assert row.loc["مصادر إعلامية", "role"] == "journalist_or_media"
    assert row.loc["مصادر طبية", "key"].startswith(GENERIC_PREFIX)  # no actor called طبية
    assert row.loc["مصادر محلية في عدن", "key"] != row.loc["عدن", "key"]  # sources in Aden are not Aden


def test_synonym_and_spelling_of_a_listed_title():
    assert actors.read_form("الناطق باسم الحكومة").roles[0][0] == "minister_or_official"
    assert actors.read_form("المسئولون").roles[0] == ("minister_or_official", "R-SPELLING")
    assert actors.read_form("الناطق", disabled=frozenset({"R-TITLE-SYNONYM"})).roles == ()


def test_a_listed_title_in_the_accusative_or_a_construct_plural_keeps_its_role():
    assert actors.read_form("تقريرا").roles[0] == ("document_or_report", "R-CASE-ENDING")
    assert actors.read_form("مسؤولا سعوديا").roles[0] == ("minister_or_official", "R-CASE-ENDING")
    assert actors.read_form("مسؤولا سعوديا").key == ""  # the nisba in the accusative describes
    assert actors.read_form("مديرا فنيا").roles[0] == ("other", "R-CASE-ENDING")  # from المدير الفني
    assert actors.read_form("مناصرو القضية").roles[0] == ("party_or_opposition", "R-CASE-ENDING")
    assert actors.read_form("تقريرا", disabled=frozenset({"R-CASE-ENDING"})).roles == ()
    assert actors.read_form("أمريكا").roles == ()  # a name ending in ا is no title's accusative


def test_the_countries_of_the_nisba_list_are_states():
    table = build_aliases(occurrences(("إسرائيل", "", "organisation"), ("الأردن", "", "organisation")))
    assert set(table.set_index("form").loc[["إسرائيل", "الأردن"], "role"]) == {"minister_or_official"}


def test_a_name_joins_the_shortest_of_nasab_names_that_agree_but_not_of_ones_that_differ():
    rows = occurrences(("وليد بن محمد الصمعاني", "", "person"), ("وليد بن محمد بن صالح الصمعاني", "", "person"),
                       ("وليد الصمعاني", "", "person"))
    assert same_actor(rows, "وليد الصمعاني", "وليد بن محمد الصمعاني")
    assert not same_actor(rows, "وليد الصمعاني", "وليد بن محمد بن صالح الصمعاني")
    assert not same_actor(rows, "وليد الصمعاني", "وليد بن محمد الصمعاني", disabled={"A-NASAB-CHAIN"})
    differ = occurrences(("عادل بن أحمد الجبير", "", "person"), ("عادل بن محمد الجبير", "", "person"),
                         ("عادل الجبير", "", "person"))
    k = keys(build_aliases(differ))
    assert k["عادل الجبير"] not in (k["عادل بن أحمد الجبير"], k["عادل بن محمد الجبير"])


# --- session 21: group names in two cases, short names in brackets ----------------------------


def test_a_plural_case_joins_a_groups_nominative_and_oblique_plural():
    rows = in_articles(("a1", "الحوثيون", "ORG", "mention"), ("a1", "الحوثيون", "organisation", "quote"),
                       ("a2", "الحوثيين", "ORG", "mention"), ("a3", "الحوثيين", "organisation", "quote"))
    assert same_actor(rows, "الحوثيون", "الحوثيين")
    assert not same_actor(rows, "الحوثيون", "الحوثيين", disabled={"A-PLURAL-CASE"})
    # an adjective left alone by a description is no group's name
    rows = in_articles(("a1", "أمنيون", "ORG", "mention"), ("a2", "أمنيين", "ORG", "mention"))
    assert not same_actor(rows, "أمنيون", "أمنيين")


def test_a_paren_alias_joins_a_body_written_with_its_short_name_in_brackets():
    rows = in_articles(("a1", "وكالة الأنباء السورية (سانا)", "ORG", "mention"), ("a2", "سانا", "ORG", "mention"),
                       ("a3", "سانا", "media", "quote"))
    assert same_actor(rows, "وكالة الأنباء السورية (سانا)", "سانا")
    assert not same_actor(rows, "وكالة الأنباء السورية (سانا)", "سانا", disabled={"A-PAREN-ALIAS"})
    # a month, adjectives or a common noun that heads other names in brackets are no short name
    rows = in_articles(("a1", "حزب الشعب الجمهوري (اشتراكي ديمقراطي)", "ORG", "mention"),
                       ("a2", "اشتراكي ديمقراطي", "ORG", "mention"),
                       ("a1", "محكمة التحكيم الرياضي الدولية (كأس)", "ORG", "mention"), ("a2", "كأس", "ORG", "mention"),
                       ("a3", "كأس أوروبا", "ORG", "mention"), ("a4", "كأس آسيا", "ORG", "mention"),
                       ("a5", "كأس الخليج", "ORG", "mention"))
    assert not same_actor(rows, "حزب الشعب الجمهوري (اشتراكي ديمقراطي)", "اشتراكي ديمقراطي")
    assert not same_actor(rows, "محكمة التحكيم الرياضي الدولية (كأس)", "كأس")


def test_r_state_holds_when_the_actors_root_is_a_variant_of_the_state():
    # in the full corpus بايرويت joins لبنان by its letters and may lead the actor: it is still the state
    from collections import Counter
    from types import SimpleNamespace
    from qawl.actors.reading import read_form
    from qawl.actors.roles import _role_votes
    members = ["بايرويت", "لبنان", "مدير الأمن بلبنان"]
    readings = {form: read_form(form) for form in members}
    ev = SimpleNamespace(disabled=frozenset(), speaker_forms=set(members), tagged=set(members),
                         count=Counter({form: 2 for form in members}), context_roles={}, context_rules={}, kinds={})
    assert _role_votes(members, readings, ev, actors.lexicons(), "بايرويت") == ("minister_or_official", "R-STATE")


def test_a_title_place_reads_a_title_before_a_city_as_someone_of_that_city():
    rows = in_articles(("a1", "أبها", "LOC", "mention"), ("a2", "أبها", "LOC", "mention"),
                       ("a3", "رئيس غرفة أبها", "organisation", "quote"))
    table = build_aliases(rows)
    row = table[table["form"] == "رئيس غرفة أبها"].iloc[0]
    assert row["key"].startswith(GENERIC_PREFIX) and "A-TITLE-PLACE" in row["rule"]
    off = build_aliases(rows, disabled={"A-TITLE-PLACE"})
    assert off[off["form"] == "رئيس غرفة أبها"].iloc[0]["key"] == off[off["form"] == "أبها"].iloc[0]["key"]
    # a place whose name opens with a title word stays the place; a name the tagger also took for a person is kept
    rows = in_articles(("a1", "الشيخ زويد", "LOC", "mention"), ("a2", "الشيخ زويد", "LOC", "mention"),
                       ("a3", "زويد", "LOC", "mention"), ("a4", "زويد", "LOC", "mention"))
    table = build_aliases(rows)
    assert not table[table["form"] == "الشيخ زويد"].iloc[0]["key"].startswith(GENERIC_PREFIX)


def test_a_variant_data_knows_the_other_names_of_the_most_quoted_bodies():
    rows = in_articles(("a1", "الناتو", "ORG", "mention"), ("a2", "حلف شمال الأطلسي", "ORG", "mention"),
                       ("a3", "تنظيم الدولة الإسلامية", "ORG", "mention"), ("a4", "داعش", "ORG", "mention"),
                       ("a5", "أنصار الله", "ORG", "mention"), ("a6", "الحوثيين", "ORG", "mention"))
    for form, other in (("الناتو", "حلف شمال الأطلسي"), ("تنظيم الدولة الإسلامية", "داعش"), ("أنصار الله", "الحوثيين")):
        assert same_actor(rows, form, other)
        assert not same_actor(rows, form, other, disabled={"A-VARIANT-DATA"})


@pytest.mark.parametrize("form, expected", [
    ("تركي المالكي", ""),             # a given name, not the nisba of تركيا
    ("مسؤول روسي", "روسيا"),          # indefinite head, indefinite nisba
    ("وزير الخارجية الروسي", "روسيا"),  # the nisba agrees with the construct's last word
])
def test_a_nisba_names_a_country_only_as_an_adjective(form, expected):
    assert read_form(form).affiliation == expected


def test_a_counterpart_takes_the_country_of_the_nisba_right_after_it():
    from qawl.actors.reading import counterpart_before
    assert counterpart_before("وجاء في البيان أن مستشار الأمن القومي ونظيره الكوري الجنوبي، ")[1] == "كوريا الجنوبية"


def test_an_officials_country_outweighs_a_body_named_less_often():
    rows = occurrences(("دونالد ترامب", "", "person", "quote", "وقال الرئيس الأمريكي "),
                       ("دونالد ترامب", "", "person", "quote", "وأضاف الرئيس الأمريكي "),
                       ("دونالد ترامب", "", "person", "quote", "وكتب المرشح عن حملة "),
                       ("دونالد ترامب", "", "PER", "mention"))
    assert affiliation_of(rows, "دونالد ترامب")[0] == "الولايات المتحدة"
    assert affiliation_of(rows, "دونالد ترامب", disabled={"AFF-OFFICIAL-COUNTRY"})[0] == "حملة"


def test_a_name_from_a_definite_body_takes_its_role_and_affiliation():
    rows = occurrences(("رافي براكاش", "", "person", "quote", "وقال ", " من الشرطة الهندية إن الفتاة"),
                       ("رافي براكاش", "", "PER", "mention"))
    assert affiliation_of(rows, "رافي براكاش")[0] == "الشرطة الهندية"
    table = build_aliases(rows).set_index("form")
    assert table.loc["رافي براكاش", "role"] == "minister_or_official"
    off = build_aliases(rows, disabled={"R-FROM-BODY"}).set_index("form")
    assert off.loc["رافي براكاش", "role"] != "minister_or_official"


@pytest.mark.parametrize("after, expected", [
    ("، مدير المبيعات في شركة \"لاند روفر\"، إن", "لاند روفر"),
    ("، الباحثة في معهد «كارنيغي أوروبا» للأبحاث، إن", "معهد كارنيغي أوروبا للأبحاث"),
])
def test_a_quoted_name_inside_a_title_is_part_of_the_body(after, expected):
    rows = occurrences(("فلان الفلاني", "", "person", "quote", "وقال ", after), ("فلان الفلاني", "", "PER", "mention"))
    assert affiliation_of(rows, "فلان الفلاني")[0] == expected
    assert affiliation_of(rows, "فلان الفلاني", disabled={"R-QUOTED-IN-TITLE"})[0] != expected


@pytest.mark.parametrize("form, role", [("CNN", "journalist_or_media"), ("BBC", "journalist_or_media")])
def test_a_listed_variant_of_a_named_body_takes_its_role(form, role):
    assert read_form(form).roles[:1] == ((role, "R-NAME"),)
    assert read_form(form, disabled=frozenset({"R-VARIANT-NAME"})).roles == ()


def test_a_players_or_coachs_title_names_his_team():
    rows = occurrences(("ماوريسيو بوكيتينو", "", "person", "quote", "وقال ", "، مدرب توتنهام الإنجليزي، إن"),
                       ("ماوريسيو بوكيتينو", "", "PER", "mention"))
    assert affiliation_of(rows, "ماوريسيو بوكيتينو") == ("توتنهام", "A-NORM+R-CONTEXT+AFF-BODY+AFF-TEAM")
    assert affiliation_of(rows, "ماوريسيو بوكيتينو", disabled={"AFF-TEAM"})[0] == ""


@pytest.mark.parametrize("after", ["، لاعب مانشستر سيتي السابق، إن", "، مدرب الفريق، إن", "، مدرب إنجلترا، إن"])
def test_a_former_team_a_common_noun_or_a_state_is_no_team(after):
    rows = occurrences(("فلان الفلاني", "", "person", "quote", "وقال ", after), ("فلان الفلاني", "", "PER", "mention"))
    assert affiliation_of(rows, "فلان الفلاني")[0] == ""


def test_a_body_after_a_relatives_word_is_no_affiliation():
    rows = occurrences(("فلان الفلاني", "", "person", "quote", "وقال ", "، ابن محافظة الغربية في دلتا النيل، إن"),
                       ("فلان الفلاني", "", "PER", "mention"))
    assert affiliation_of(rows, "فلان الفلاني")[0] == ""
    assert affiliation_of(rows, "فلان الفلاني", disabled={"AFF-RELATIVE"})[0] == "محافظة الغربية"


@pytest.mark.parametrize("after, expected", [
    ("، وهو طبيب نفسي، إن", ""),                              # a person described
    ("، المتحدث باسم شرطة دبي، إن", "شرطة دبي"),             # a body in construct with a name
])
def test_an_indefinite_common_noun_names_no_body(after, expected):
    rows = occurrences(("فلان الفلاني", "", "person", "quote", "وقال ", after), ("فلان الفلاني", "", "PER", "mention"))
    assert affiliation_of(rows, "فلان الفلاني")[0] == expected


@pytest.mark.parametrize("form", ["التقديرات", "الإحصاء", "التحقيقات الرسمية", "مسح استقصائي", "نتائج الاستبيان",
                                  "النعي", "القانون الجديد"])
def test_estimates_counts_inquiries_and_findings_speak_as_documents(form):
    assert read_form(form).roles[0] == ("document_or_report", "R-TITLE")


def test_a_document_noun_after_a_persons_title_leaves_the_title_its_role():
    assert read_form("قاضي التحقيق محمد العلي").roles[0] == ("minister_or_official", "R-TITLE")
    assert read_form("أستاذ القانون الدولي محمد علي").roles[0] == ("expert_or_academic", "R-TITLE")


@pytest.mark.parametrize("form", ["إدارة الاتحاد الإسباني", "مكتب الأمم المتحدة لحقوق الإنسان", "مكتب المفوضية السامية",
                                  "إدارة مستشفى المقاصد", "إدارة مهرجان كان"])
def test_a_bodys_unit_speaks_for_the_body_after_it(form):
    assert read_form(form).roles[0] == ("organisation_or_spokesperson", "R-BODY-UNIT")
    assert read_form(form, disabled=frozenset({"R-BODY-UNIT"})).roles[0][0] == "minister_or_official"


EARLIER = "تعرضت وزيرة الهجرة الدنماركية إلى انتقادات واسعة بعد تصريحات لها.\n\nوقالت "


def named_after_an_earlier_title(earlier: str):
    rows = occurrences(("إنغى ستويبرغ", "", "person", "quote", "وقالت ", "، التي اشتهرت بسياساتها، إن"),
                       ("إنغى ستويبرغ", "", "PER", "mention"), ("إنغى ستويبرغ", "", "", "earlier", earlier, "", 0))
    rows["doc_id"] = "a1"
    return rows


def test_a_title_the_article_gave_before_naming_the_person_gives_role_and_affiliation():
    rows = named_after_an_earlier_title(EARLIER)
    row = build_aliases(rows).set_index("form").loc["إنغى ستويبرغ"]
    assert (row["role"], row["affiliation"]) == ("minister_or_official", "الدنمارك")
    assert "R-EARLIER-TITLE" in row["rule"]
    off = build_aliases(rows, disabled={"R-EARLIER-TITLE"}).set_index("form").loc["إنغى ستويبرغ"]
    assert (off["role"], off["affiliation"]) == ("other", "")


@pytest.mark.parametrize("earlier", [
    "ويمثل هؤلاء 95% من مستخدمي الإنترنت حول العالم.\n\nوقالت ",  # after a preposition: the world, no scientist
    "وأعلنت الحكومة خطة جديدة.\n\nوقالت وزيرة الهجرة الدنماركية ",  # the name's own sentence is R-CONTEXT's
])
def test_an_earlier_title_must_open_a_finished_sentence(earlier):
    assert role_of(named_after_an_earlier_title(earlier), "إنغى ستويبرغ") == "other"


def test_a_unit_alone_or_of_a_state_office_keeps_its_role():
    assert read_form("إدارة ترامب").roles[0][0] == "minister_or_official"
    assert read_form("مكتب رئيسة الحكومة").roles[0] == ("minister_or_official", "R-TITLE")


@pytest.mark.parametrize("form, role", [("متحدث عسكري إسرائيلي", "minister_or_official"),
                                        ("مسؤولين نقابيين", "organisation_or_spokesperson")])
def test_a_domain_adjective_after_a_speaking_title_gives_its_role(form, role):
    reading = read_form(form)
    assert reading.roles[0] == (role, "R-DOMAIN-TITLE") and reading.generic_role == role
    assert read_form(form, disabled=frozenset({"R-DOMAIN-TITLE"})).roles[:1] != ((role, "R-DOMAIN-TITLE"),)


@pytest.mark.parametrize("form", ["مدير الدراسات جيريمي روبيول", "رئيس قسم البحوث أحمد شمس الدين",
                                  "كبير معدي البحث", "المشرفون على هذه الدراسة"])
def test_who_heads_studies_is_a_researcher(form):
    assert read_form(form).roles[0] == ("expert_or_academic", "R-RESEARCH-HEAD")
    assert read_form(form, disabled=frozenset({"R-RESEARCH-HEAD"})).roles[0][0] == "document_or_report"


def test_a_spokesperson_in_a_statement_heads_no_research():
    assert not any(rule == "R-RESEARCH-HEAD" for _, rule in read_form("الناطق في تصريح").roles)


@pytest.mark.parametrize("form", ["بعضهم", "آخر", "أخرى", "آخرين"])
def test_a_quantifier_or_another_alone_is_ordinary_people(form):
    assert read_form(form).roles == (("citizen_or_witness", "R-QUANTIFIER"),)
    assert read_form(form, disabled=frozenset({"R-QUANTIFIER"})).roles != (("citizen_or_witness", "R-QUANTIFIER"),)


@pytest.mark.parametrize("form", ["موفد فرانس 24 عبد الله ملكاوي", "وكالة الأناضول", "إيسنا"])
def test_the_regions_news_channels_and_agencies_are_media(form):
    assert read_form(form).roles[0][0] == "journalist_or_media"


@pytest.mark.parametrize("form", ["المجلس النرويجي للاجئين", "أطباء بلا حدود", "اليونيسف"])
def test_international_humanitarian_organisations_are_organisations(form):
    assert read_form(form).roles[0] == ("organisation_or_spokesperson", "R-NAME")


@pytest.mark.parametrize("form", ["مؤيدو الحكومة", "مؤيدو الاتفاق"])
def test_supporters_speak_as_a_party(form):
    assert read_form(form).roles[0] == ("party_or_opposition", "R-TITLE")


@pytest.mark.parametrize("form", ["الأمن الأردني", "الجانب الأمريكي"])
def test_a_states_security_or_side_is_official(form):
    assert read_form(form).roles[0] == ("minister_or_official", "R-TITLE")


def test_national_security_as_an_offices_field_names_no_body():
    assert read_form("مستشار الأمن القومي الأمريكي جون بولتون").affiliation == "الولايات المتحدة"


def test_a_natural_place_that_speaks_is_no_official():
    rows = occurrences(("البحر الأحمر", "", "LOC", "quote"), ("البحر الأحمر", "", "LOC", "mention"),
                       ("خليج الخنازير", "", "LOC", "quote"), ("خليج الخنازير", "", "LOC", "mention"))
    assert role_of(rows, "البحر الأحمر") == role_of(rows, "خليج الخنازير") == "none"
    assert role_of(rows, "البحر الأحمر", disabled={"R-LANDFORM"}) == "minister_or_official"


@pytest.mark.parametrize("form", ["الآباء", "الأهل", "الجيران", "عمال"])
def test_broken_plurals_of_ordinary_people_are_citizens(form):
    assert read_form(form).roles[0] == ("citizen_or_witness", "R-TITLE")


@pytest.mark.parametrize("form, role", [("المحامية", "other"), ("محامو الدفاع", "other"), ("محامي الطبيب", "other"),
                                        ("المحامي المتخصص في حقوق الملكية", "expert_or_academic"),
                                        ("المحامي العام", "minister_or_official")])
def test_a_lawyer_is_quoted_for_a_client_a_specialised_one_as_an_expert(form, role):
    assert read_form(form).roles[0] == (role, "R-TITLE")


@pytest.mark.parametrize("after", ["، وهو في الثالثة والستين، إن الجراح", " وهو شاب في الرابعة والعشرين عاطل عن العمل",
                                   " البالغة من العمر 47 عاما أنها"])
def test_an_age_in_words_after_the_name_marks_an_ordinary_person(after):
    rows = occurrences(("كريم", "", "person", "quote", "يقول ", after), ("كريم", "", "PER", "mention"))
    assert role_of(rows, "كريم") == "citizen_or_witness"
    assert role_of(rows, "كريم", disabled={"R-AGE-WORDS"}) != "citizen_or_witness"


def test_a_degree_stands_against_a_body_the_speaker_is_only_from():
    rows = occurrences(("مات كيرني", "الدكتور مات كيرني", "person", "quote", "ويقول ",
                        "، من هيئة الخدمات الصحية الوطنية في انجلترا، إن"),
                       ("مات كيرني", "", "PER", "mention", "ويقول الدكتور ", "، من هيئة الخدمات الصحية الوطنية"))
    assert role_of(rows, "مات كيرني") == "expert_or_academic"
    assert role_of(rows, "مات كيرني", disabled={"R-RANK-OVER-BODY"}) == "minister_or_official"


def test_an_office_in_the_apposition_outvotes_a_degree():
    rows = occurrences(("محمد خير الزبير", "الدكتور محمد خير الزبير", "person", "quote", "كشف ",
                        "، محافظ بنك السودان المركزي، عن"),
                       ("محمد خير الزبير", "", "PER", "mention", "كشف الدكتور ", "، محافظ بنك السودان المركزي، عن"))
    assert role_of(rows, "محمد خير الزبير") == "minister_or_official"


def test_a_title_ending_on_its_body_s_quoted_name_before_the_speaker():
    rows = occurrences(("سيد حشيش", "", "person", "quote",
                        'وفقاً لما ذكره المدير العام الإقليمي لشركة "مايكروسوفت الخليج" ', ". وذكر"),
                       ("سيد حشيش", "", "PER", "mention"))
    assert role_of(rows, "سيد حشيش") == "organisation_or_spokesperson"
    assert affiliation_of(rows, "سيد حشيش")[0] == "مايكروسوفت الخليج"
    assert role_of(rows, "سيد حشيش", disabled={"R-QUOTED-IN-TITLE"}) == "other"


def test_a_noun_of_quoting_before_the_name_is_dropped():
    rows = occurrences(("بهرام قاسمي", "", "person", "quote", "قال ", "، المتحدث باسم وزارة الخارجية الإيرانية، إن", 1),
                       ("على لسان قاسمي", "", "person", "quote", "ونقلت وكالة الأنباء الإيرانية ", " قوله إن", 1),
                       ("بهرام قاسمي", "", "PER", "mention"))
    rows["doc_id"] = "a1"
    assert role_of(rows, "على لسان قاسمي") == "minister_or_official"
    assert role_of(rows, "على لسان قاسمي", disabled={"A-QUOTING-NOUN"}) != "minister_or_official"


def test_a_given_name_ending_an_article_partner_s_name_takes_its_role():
    rows = occurrences(("غلام علي رشيد", "", "person", "quote", "قال اللواء ", "، قائد مقر خاتم الأنبياء الإيراني، إن"),
                       ("رشيد", "", "person", "quote", "وأضاف ", " إن"), ("رشيد", "", "PER", "mention"),
                       ("غلام علي رشيد", "", "PER", "mention"))
    rows["doc_id"] = "a1"
    assert role_of(rows, "رشيد") == "minister_or_official"
    assert role_of(rows, "رشيد", disabled={"R-ARTICLE-SURNAME"}) == "other"


def test_a_given_name_opening_an_article_partner_s_name_takes_nothing():
    rows = occurrences(("محمد بن سلمان", "", "person", "quote", "قال ولي العهد السعودي ", " إن"),
                       ("محمد", "", "person", "quote", "وأضاف ", " إن"), ("محمد", "", "PER", "mention"))
    rows["doc_id"] = "a1"
    assert role_of(rows, "محمد") == "other"


@pytest.mark.parametrize("form, role", [("مستشار الأمراض الجنسية في جامعة بريستول", "expert_or_academic"),
                                        ("رئيس مركز مكافحة الجريمة الإلكترونية في الإنتربول", "minister_or_official")])
def test_the_body_a_head_holds_office_in_outranks_the_title(form, role):
    assert read_form(form).roles[0] == (role, "R-BODY-OVER-TITLE")
    assert read_form(form, disabled=frozenset({"R-BODY-OVER-TITLE"})).roles[0][0] != role


def test_a_medium_spoken_to_is_no_body_of_office():
    assert not any(rule == "R-BODY-OVER-TITLE" for _, rule in read_form("مسؤول أمريكي لوكالة الأنباء الفرنسية").roles)


def test_a_quoted_firm_in_a_title_makes_an_organisation_s_head():
    rows = occurrences(("تيد سارندوس", "", "person", "quote", "وقال ", '، المسؤول الأول عن المحتوى في "نتفليكس" إن'),
                       ("ليور كوهين", "", "person", "quote", "وقال ", '، رئيس قسم الموسيقى في "يوتيوب"، إن'))
    for form in ("تيد سارندوس", "ليور كوهين"):
        assert role_of(rows, form) == "organisation_or_spokesperson"
        assert role_of(rows, form, disabled={"R-QUOTED-COMPANY"}) == "minister_or_official"


def test_a_quoted_name_after_a_state_body_stays_an_official_s():
    rows = occurrences(("أحمد علي", "", "person", "quote", "وقال ", '، المسؤول في وزارة الصحة "الفلسطينية" إن'),
                       ("سامي حسن", "", "person", "quote", 'وقال المتحدث باسم "الكرملين" ', " إن"))
    assert role_of(rows, "أحمد علي") == "minister_or_official"


def test_a_body_named_after_a_royal_keeps_its_name_and_the_speaker_his():
    form = "المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ"
    reading = read_form(form)
    assert reading.name == "رأفت الصباغ" and reading.body == "مركز الملك سلمان للإغاثة والأعمال الإنسانية"
    dean = read_form("عميد كلية الطب بجامعة الملك عبدالعزيز")  # no person named: the king is the university's
    assert not dean.name and dean.body == "جامعة الملك عبدالعزيز"
    assert all(role != "head_of_state_or_government" for role, _ in dean.roles)
    assert read_form("المتحدث باسم مستشفى الملك فهد محمد العتيبي").name == "محمد العتيبي"
    assert read_form("مدير جامعة الأمير محمد بن فهد عيسى الأنصاري").name == "عيسى الأنصاري"
    # a rank right before the name is the person's, not the end of the body's name
    assert read_form("مدير جامعة الملك سعود الدكتور بدران العمر").body == "جامعة الملك سعود"
    assert read_form("الملك سلمان").name == "سلمان"  # the king himself still speaks
    off = read_form(form, disabled=frozenset({"A-EPONYM-BODY"}))
    assert off.name != "رأفت الصباغ"


@pytest.mark.parametrize("form, role", [("المستشار الاقتصادي ناصر آل مغرم", "expert_or_academic"),
                                        ("المستشارة الألمانية أنغيلا ميركل", "head_of_state_or_government")])
def test_a_chancellors_title_with_an_adjective_is_an_advisers(form, role):
    assert read_form(form).roles[0][0] == role
    assert read_form("المستشار الاقتصادي ناصر آل مغرم", disabled=frozenset({"R-ADVISER"})).roles[0][0] \
        == "head_of_state_or_government"


def test_an_official_described_by_a_definite_title_speaks_for_the_country():
    rows = occurrences(("المسؤول الصيني", "", "person", "quote", "ووصف ", " الخطوة بأنها أحادية"))
    assert affiliation_of(rows, "المسؤول الصيني") == ("الصين", "A-NORM+R-TITLE+AFF-PERSON-NOUN+AFF-NISBA")
    assert affiliation_of(rows, "المسؤول الصيني", disabled={"AFF-PERSON-NOUN"})[0] == "المسؤول الصيني"


def test_the_body_a_unit_belongs_to_is_the_affiliation():
    rows = occurrences(("بول بيرفيرسي", "", "person", "quote", "وقال ", "، قائد قوات الدعم الأرضي بشرطة العاصمة، إن"),
                       ("بول بيرفيرسي", "", "PER", "mention"))
    assert affiliation_of(rows, "بول بيرفيرسي") == ("شرطة العاصمة", "A-NORM+R-CONTEXT+AFF-BODY+AFF-OUTER-BODY")
    assert affiliation_of(rows, "بول بيرفيرسي", disabled={"AFF-OUTER-BODY"})[0] == "قوات الدعم الأرضي بشرطة العاصمة"


def test_the_body_named_after_fi_that_a_unit_belongs_to_is_the_affiliation():
    rows = occurrences(("ريم الحسن", "", "person", "quote", "وقال ", "، عضو الهيئة الرئاسية في مجلس سوريا الديمقراطية، إن"),
                       ("ريم الحسن", "", "PER", "mention"))
    assert affiliation_of(rows, "ريم الحسن") == ("مجلس سوريا الديمقراطية", "A-NORM+R-CONTEXT+AFF-BODY+AFF-OUTER-BODY-IN")
    assert affiliation_of(rows, "ريم الحسن", disabled={"AFF-OUTER-BODY-IN"})[0] == "الهيئة الرئاسية"


def test_a_local_office_before_a_place_speaks_for_the_places_council():
    rows = occurrences(("نير بركات", "", "person", "quote", "وقال ", "، رئيس بلدية القدس، إن"),
                       ("نير بركات", "", "PER", "mention"))
    assert affiliation_of(rows, "نير بركات") == ("بلدية القدس", "A-NORM+R-CONTEXT+AFF-BODY+AFF-LOCAL-OFFICE")
    assert affiliation_of(rows, "نير بركات", disabled={"AFF-LOCAL-OFFICE"})[0] != "بلدية القدس"


@pytest.mark.parametrize("after", [" في مقالة في \"السفير\" بتاريخ 4 مايو", " خلال مقاله الى أن", " في تقرير أعده لصحيفة"])
def test_a_piece_of_writing_after_the_name_marks_a_writer_of_the_press(after):
    rows = occurrences(("نصري الصايغ", "", "person", "quote", "قال ", after), ("نصري الصايغ", "", "PER", "mention"))
    assert role_of(rows, "نصري الصايغ") == "journalist_or_media"
    assert role_of(rows, "نصري الصايغ", disabled={"R-PRESS-PIECE"}) != "journalist_or_media"


@pytest.mark.parametrize("form, role", [("اقتصادي معروف", "expert_or_academic"), ("قيادي", "party_or_opposition")])
def test_a_title_listed_with_the_article_is_read_without_it(form, role):
    rows = occurrences((form, "", "anonymous", "quote", "وقال ", " إن"))
    assert role_of(rows, form) == role
    assert role_of(rows, form, disabled={"R-INDEFINITE"}) != role


def test_a_bare_title_that_is_another_word_is_no_title():
    terms = actors.lexicons().terms
    assert ("قيادي",) in terms and ("امام",) not in terms and ("طالب",) not in terms


def test_a_context_cut_at_its_edge_keeps_whole_words_only():
    from qawl.actors.table import words_after, words_before
    after = "، ومدير معهد العلوم في جامعه هارفارد: “سوف"
    assert words_after(after, after.index("هارفارد") + 1) == "، ومدير معهد العلوم في جامعه "
    assert words_after(after, after.index("هارفارد") - 1) == "، ومدير معهد العلوم في جامعه"
    assert words_after("قال", 10) == "قال"
    before = "ة لما وصفه بالتدمير وأضاف "
    assert words_before(before, len(before) - 1) == " لما وصفه بالتدمير وأضاف "


def test_a_name_that_opens_like_a_preposition_stays_a_name():
    # علي خامنئي: علي is not على (A-PREPOSITION-RUN reads only a preposition written with its alif maqsura)
    assert read_form("المرشد الأعلى الإيراني علي خامنئي").key == read_form("علي خامنئي").key
    assert read_form("الاتفاق النووي مع إيران").key == ""
