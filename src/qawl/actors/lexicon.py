"""The actors' vocabulary: roles, rule ids, the data files of ``data/actors`` and name keys."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qawl.clean import match_form
from qawl.arabic import NISBA_PLACES, TITLE_SYNONYMS

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"

ROLES = (
    "head_of_state_or_government", "minister_or_official", "party_or_opposition", "armed_group",
    "expert_or_academic", "journalist_or_media", "religious_figure", "citizen_or_witness",
    "organisation_or_spokesperson", "document_or_report", "other", "none",
)
# the order in which a tie between roles is broken (first wins)
ROLE_PRIORITY = {role: i for i, role in enumerate(ROLES)}

RULES = {
    "A-NORM": "same name once letters are normalised (أإآ→ا, ى→ي, ة→ه, no diacritics or tatweel), "
              "punctuation dropped and عبد/أبو joined to the next word",
    "A-HASHTAG": "a hashtag read as words (#سيرغي_لافروف → سيرغي لافروف)",
    "A-CLITIC": "a preposition ل glued to a Latin or quoted name dropped (لCNN → CNN); across the corpus, a name "
                "opening with ل or ب, with لل for ل + the article, or with the conjunction و, joins the name without it "
                "when the corpus uses that at least as often (لروبين → روبين, للحلف الأطلسي → الحلف الأطلسي, "
                "وشريف إكرامي → شريف إكرامي)",
    "A-QUOTING-NOUN": "a noun of quoting the speaker span took in before the name is dropped (على لسان قاسمي → قاسمي, "
                      "the one quoted); data: not_speakers.tsv, what 'quoting noun'",
    "A-LATIN": "Latin script compared in lower case",
    "A-TITLE": "titles, honorifics and descriptions before or after the name stripped "
               "(الرئيس التركي، رجب طيب أردوغان → رجب طيب أردوغان; شركة أبل → أبل)",
    "A-VARIANT-DATA": "a spelling or name variant listed in data/actors/variants.tsv or countries.tsv",
    "A-VOWEL": "each word the other's with vowel letters (ا و ي ء ئ ؤ) added inside it, ج/غ as one letter "
               "(نتنياهو ~ نتانياهو, ترمب ~ ترامب), never a vowel swapped for another (اليمن / المان, كيري / كاري); "
               "never for Arabic given names, words of fewer than three consonants (the article not counted), or a person "
               "and a place",
    "A-NISBA": "a body's name (قوات البيشمركة) joins the one body the corpus names with it and a closing nisba "
               "(قوات البيشمركة الكردية), not when several nisbas follow it (وزارة الخارجية الأمريكية / الروسية)",
    "A-ARTICLE-SHIFT": "a body named as a noun and a definite adjective (الحلف الأطلسي) is the body named in construct "
                       "with the same words (حلف الأطلسي), when the corpus writes both and both are bodies",
    "A-PLURAL-CASE": "a group named by a sound-plural nisba is one in the nominative and the oblique case "
                     "(الحوثيون / الحوثيين), when neither is a person",
    "A-PAREN-ALIAS": "a body written with its short name in brackets (حلف شمال الأطلسي (الناتو)، وكالة الأنباء السورية "
                     "(سانا)) is the actor of the short name; never a date, a state, a capital, adjectives or a common noun "
                     "in brackets",
    "A-TRANSLIT": "two people with one family name (five letters or more, no Arabic given name) whose given names "
                  "are one foreign name written two ways, vowels and ث/ت set aside (سامانثا / سامنتا باور، بيير / بيار)",
    "A-FOR-COMPLEMENT": "a title's or body's complement is description, not a name: ل and a noun in construct with a "
                        "definite word (الاتحاد الدولي لكرة القدم، المفوض السامي لحقوق الإنسان), and a definite word "
                        "joined by و (مدير التربية والتعليم، الرئيس العام لشؤون المسجد الحرام والمسجد النبوي)",
    "A-BODY-HEAD-ALONE": "a body's head noun is no name by itself: when the words right after it describe (إدارة "
                         "الاتحاد المصري لكرة القدم، جامعة الملك سعود), the whole form names the body",
    "R-BODY-PREPOSITION": "a head title takes the role of the body whose head noun is glued to ل or ب right after it "
                          "(المتحدث الرسمي لوزارة العمل، الناطق الإعلامي بشرطة منطقة مكة: officials)",
    "R-TITLE-SYNONYM": "a listed title written with a synonym of its title word takes the listed title's role "
                       "(الناطق الإعلامي = المتحدث الإعلامي، العاهل = الملك); data: arabic/name_words.json title_synonyms",
    "A-BODY-RUN": "words after a title that open with a preposition glued to a body (بشرطة منطقة مكة، لوزارة العمل) "
                  "name the body the title belongs to, not the person: the name is the other words (… العقيد عاطي القرشي)",
    "A-EPONYM-BODY": "a royal title and its name after an institution or place word in construct (مستشفى الملك فهد، "
                     "لمركز الملك سلمان للإغاثة، بجامعة الأمير محمد بن فهد) belong to the body's name: neither the "
                     "speaker's title nor his name",
    "R-SPELLING": "a listed title with its hamza written on ئ where the list has ؤ takes the listed title's role "
                  "(المسئولون = المسؤولون)",
    "R-DOMAIN": "a source with a domain adjective takes the adjective's role (مصادر قضائية، مصدر برلماني: officials; "
                "مصادر إعلامية: media); data: data/actors/domain_adjectives.tsv",
    "R-DOMAIN-BODY": "a medium, school, centre or committee read as media, an expert's or an organisation's with a "
                     "state domain adjective a few words after its head (خلية الإعلام الحربي، الكلية الأمنية، لجنة "
                     "برلمانية; data/actors/domain_adjectives.tsv, body state) is a state's body: minister_or_official",
    "R-DOMAIN-TITLE": "as R-DOMAIN, after a spokesperson's or an official's title without a body (متحدث عسكري "
                      "إسرائيلي: an official; مسؤولين نقابيين: an organisation's); the adjective names nobody",
    "A-SOURCE-ADJECTIVE": "an adjective after a source noun (مصادر طبية، مصدر مقرب، مصادر مطلعة: a nisba or a participle) describes the "
                          "source and names nobody: the form is a description, not an actor called طبية",
    "A-NASAB-CHAIN": "for A-NASAB, names whose nasabs agree, one the other's start (وليد بن محمد الصمعاني، وليد بن محمد "
                     "بن صالح الصمعاني), are one lineage: وليد الصمعاني joins the shortest",
    "A-OF-NAME": "a name in construct after a title without the article (مستشار ترامب، زوجة ترامب، سفير خادم "
                 "الحرمين الشريفين) names someone of that name, not its bearer: the form is a description",
    "A-LINEAGE": "a person's nasab name (سلمان بن عبدالعزيز) joins its fullest form in the corpus (سلمان بن عبدالعزيز "
                 "آل سعود) when every common way the corpus goes on with it agrees (one further nasab, one family)",
    "A-NASAB": "a person's given and family name alone (عادل الجبير) joins the one actor of the corpus named "
               "with the same two around a nasab (عادل بن أحمد الجبير); not when the family name is itself a "
               "given name (محمد حسين) or comes after more than 10 different words in the corpus's names (a tribe's: "
               "عبدالرحمن القحطاني)",
    "A-TYPE": "names joined only by their letters (A-VOWEL) or by a shorter name (A-SURNAME, A-DOCLINK, A-NASAB) are "
              "joined only when the two actors' most common types (person, organisation, place) agree, or one "
              "has none: a chain of look-alikes must not join كريستيان جايده to جدة",
    "A-SURNAME": "a shorter name equal to the end of the names of exactly one actor in the corpus "
                 "(ماكرون → إيمانويل ماكرون)",
    "A-DOCLINK": "a shorter name that articles resolve (the quote or mention's canonical name), in at least "
                 "75% of its links over all its forms, to the same actor whose name contains it",
    "A-OFFICE": "a title alone (الرئيس الأمريكي) that the corpus gives to one named actor "
                "in at least 75% of at least 2 occurrences",
    "A-CAPITAL": "a capital speaking or spoken about stands for its state (موسكو → روسيا; "
                 "data/actors/capitals.tsv); not applied to places in the entity table",
    "A-BODY-OF-PLACE": "a body's head noun before a place name stays in the name (جيش حلب, جامعة القاهرة "
                       "are not حلب, القاهرة): the place is a state, a capital or tagged LOC by most articles",
    "A-TITLE-STATE": "a person's title or a description before a state or capital (رئيسة حكومة بريطانيا، "
                     "زعيم كوريا الشمالية، رئيس بلدية أنقرة) names someone of that state, not the state: a "
                     "description (an office or a generic actor) whose affiliation is the state",
    "A-TITLE-PLACE": "as A-TITLE-STATE, for a place most articles tag LOC (رئيس غرفة أبها، الأمين العام للغرفة "
                     "التجارية الصناعية بجدة): someone of that place, not the place",
    "A-GENERIC": "a common noun or description without a name (الشركة, مصدر مسؤول) goes to the "
                 "unnamed actor of its role",
    "A-NONE": "a pronoun, particle, adverb or month taken as the speaker names nobody, nor does a phrase "
              "opening with a preposition glued to a definite common noun (كالعقوبات، بالنسبة)",
    "A-PREPOSITION-RUN": "the words after a title that open with a free-standing preposition complete the "
                         "description and are not its name (الاتفاق النووي مع إيران: a document, not مع إيران)",
    "A-TAGGED-NAME": "a name of several words the entity tagger found is a name even when its first word is "
                     "a particle or pronoun of A-NONE (لي كه شيانغ، لي هوبر: Li and Lee, not لي)",
    "A-ADDRESSEE": "the medium a speaker talked to is not part of its name (جونسون لبي بي سي → جونسون; "
                   "ل + a media name or head noun of data/actors/role_titles.tsv, or ل + Latin script)",
    "AFF-STATE": "a state or its capital speaks for the state (موسكو → روسيا)",
    "AFF-SELF": "a named body (its name has a body's head noun, the lexicon lists it, or most tables call it "
                "an organisation) speaks for itself (صحيفة لوموند → لوموند), unless it is a government's",
    "AFF-PERSON-NOUN": "a description opening with a person's title in its definite form (المسؤول الصيني، "
                       "الوزيرة الإسرائيلية: the lexicon lists مسؤول، وزيرة as titles) is a person, not a body "
                       "speaking for itself: no AFF-SELF",
    "AFF-OUTER-BODY": "a body glued to ب inside the body a title or apposition names is the one the speaker "
                      "belongs to (لجنة الموارد البشرية بالغرفة التجارية بجدة → الغرفة التجارية بجدة)",
    "AFF-OUTER-BODY-IN": "a body named right after في that ends the body a title or apposition names is the one the "
                         "speaker belongs to (رئيس قسم التطعيمات في هيئة الصحة العامة → هيئة الصحة العامة); not a place "
                         "(في محافظة البصرة) nor after a state's name (سفير السعودية في الأمم المتحدة)",
    "AFF-LOCAL-OFFICE": "a title of local government before a place's name speaks for the place's council "
                        "(رئيس بلدية القدس → بلدية القدس، محافظ البحر الأحمر → محافظة البحر الأحمر، أمير منطقة عسير → "
                        "إمارة منطقة عسير; data/actors/local_offices.tsv); not before a listed body (محافظ البنك المركزي)",
    "AFF-BODY": "the body a title or apposition names after its head (المتحدث باسم الجيش الإسرائيلي → "
                "الجيش الإسرائيلي; الرئيس التنفيذي لشركة أوبر → أوبر; نائب عن حزب العمال → حزب العمال)",
    "AFF-NISBA": "an office of state (or a government body) speaks for the country its nisba, state or capital "
                 "names (وزير الخارجية الروسي → روسيا); a nationality alone gives no affiliation",
    "AFF-OFFICIAL-COUNTRY": "an official or head of state whose contexts name a country more often than any body "
                            "speaks for that country, not for the body (ترامب … عبر تويتر، مدير حملة ترامب → "
                            "الولايات المتحدة, not تويتر or حملة)",
    "AFF-NISBA-AGREEMENT": "a nisba gives a country only as an adjective: after a word it agrees with in "
                           "definiteness, never as a name's first word (تركي المالكي is not تركيا)",
    "A-RESEARCHER": "set by the researcher's alias table",
    "R-TITLE": "role from a title or head noun in the speaker's words (data/actors/role_titles.tsv)",
    "R-CONTEXT": "role from a title in the words right before the speaker or in its apposition",
    "R-COMMA-TITLE": "role from a title set off by commas right before the name (زعيم المعارضة، كمال قليجدار "
                     "أوغلو، ...; وزيرة الهجرة، نبيلة مكرم، ...): the name closed by a comma too is its apposition",
    "R-QUOTED-IN-TITLE": "a short quoted name inside a title or apposition is read without its marks, so the "
                         "title goes on over it (مدير المبيعات في شركة \"لاند روفر\" → لاند روفر), also when the name "
                         "ends the title right before the speaker (المدير العام لشركة \"مايكروسوفت الخليج\" سيد حشيش)",
    "AFF-INDEFINITE": "a common noun without the article and not in construct with a definite word after a title "
                      "(طبيب نفسي، ضابط رفيع، معارضا بارزا) describes the person, it names no body to speak for",
    "AFF-TEAM": "a player's or coach's title with no listed body after it (data/actors/team_titles.tsv) names his "
                "team in the words right after it, up to a nisba (بوكيتينو، مدرب توتنهام → توتنهام)",
    "AFF-RELATIVE": "a body named after a relative's or a citizen's word (ابن محافظة الغربية، زوجة …) is where the "
                    "speaker is from or whose he is, not the body he speaks for",
    "R-VARIANT-NAME": "a form that data/actors/variants.tsv lists for a named body of the role lexicon takes that "
                      "body's role (CNN → سي إن إن, a medium)",
    "R-FROM-BODY": "a definite body word after من / في right after the name gives the role of the body the "
                   "speaker is from (بيتر موارر من اللجنة الدولية للصليب الأحمر → organisation; "
                   "رافي براكاش من الشرطة الهندية → official)",
    "R-TITLE-COMPLEMENT": "a head title right before a full office (نائب المدير التنفيذي، المتحدث باسم الرئيس الروسي، "
                          "نائب رئيس الوزراء) takes that office's role, minister_or_official for a head of state's "
                          "or government's; the office named as its complement casts no vote of its own",
    "R-RESEARCH-HEAD": "a head title whose complement, with no في/من between, is a document noun (مدير الدراسات، رئيس "
                       "قسم البحوث) heads research: expert_or_academic, not the document's role",
    "R-COMPANY-HEAD": "a head title (رئيس، نائب، مسؤول) that belongs, further on in its phrase and after a "
                      "preposition, to a company or organisation of the lexicon (نائب رئيس السياسة العامة في أوروبا "
                      "بفيسبوك، رئيس قسم البحوث بشركة X، رئيسة العمليات في الفيسبوك: a listed company with the article) "
                      "is an executive: organisation_or_spokesperson, not an official",
    "R-QUOTED-COMPANY": "a head title that would be an official's, with no body of the lexicon in its phrase, that holds "
                        "a name the article quotes (رئيس قسم الموسيقى في \"يوتيوب\"، المسؤول الأول عن المحتوى في "
                        "\"نتفليكس\"، رئيس \"مان باور\" في فرنسا) belongs to a firm or brand: organisation_or_spokesperson",
    "R-BODY-OVER-TITLE": "a head title (رئيس، مدير، مستشار) that belongs, further on in its phrase and after a "
                         "preposition, to a body of the lexicon takes that body's role, not its own or its "
                         "complement's (مستشار الأمراض الجنسية في جامعة بريستول → expert; رئيس مركز … في "
                         "الإنتربول → official): the body one holds office in decides",
    "R-ARTICLE": "an actor nothing gives a role (R-DEFAULT) takes the role that a title or context gives an "
                 "actor of the same article whose longer name opens or ends with its name (وقالت باتريشيا after "
                 "المشرفة على الدراسة باتريشيا كونرود), when all such partners agree; not for one Arabic given name, "
                 "nor for a name the corpus gave a fuller tagged name (تيم of دومينيك تيم)",
    "R-ARTICLE-SURNAME": "as R-ARTICLE, for one Arabic given name that ends the longer name of its article partner "
                         "(وعلى لسان رشيد after اللواء غلام علي رشيد، قائد ...): the family name, not a given name",
    "R-APPOSITION-WIDE": "an apposition read past the name's Latin spelling, a pronoun (وهو) and leading modifiers "
                         "(كبير خبراء الاقتصاد), with no comma after a mention, or opening with an indefinite "
                         "common noun (جيف بروك محلل إيرادات السينما، أليستير رينغ، استشاري في مستشفى)",
    "R-APPOSITION-CUT": "a speaker span that cut its name short is followed by one or two words that may end the "
                        "name, then a comma or وهو/وهي, then an apposition read as R-APPOSITION-WIDE reads it "
                        "([[غلام]] علي بلوش، وزير داخلية إقليم بلوشستان; [[ريبيكا]] فانين، أحد مؤسسي المنتدى)",
    "R-APPOSITION-DEFINITE": "a definite common title set off by a comma after the name is its apposition "
                             "(جامي ماكفي، الأستاذ بجامعة مانشستر; X، المسؤول الأول عن المحتوى في نتفليكس), "
                             "as a title before a name would be",
    "R-REPRESENTATIVE": "a title that alone names an actor (ممثل، الممثلة: other) represents the state or body "
                        "named right after it (ممثلة الولايات المتحدة، ممثل الادعاء): that one's role; "
                        "data/actors/representatives.tsv",
    "R-BODY-UNIT": "a body's unit (إدارة، مكتب; data/actors/unit_heads.tsv) right before a body of "
                   "the lexicon speaks for that body and takes its role (إدارة الاتحاد الإسباني، مكتب الأمم المتحدة "
                   "لحقوق الإنسان: organisations), not the state office its head noun alone names",
    "R-STATE-NAME": "the words of a state's name of two or more words after a preposition in a description "
                    "(مدير المجموعة في الولايات المتحدة) are a place, not a title, when another title in the "
                    "words has a role (الولايات casts no vote); a state's name alone read as the title before a name is no title",
    "R-NAME": "role from the name itself when the lexicon lists it (رويترز, حماس)",
    "R-STATE": "a state or capital speaking is minister_or_official (states: those of capitals.tsv and countries.tsv, "
               "and the countries of arabic/nisba.tsv)",
    "R-KIND": "role from the quote table's speaker kind (media, organisation) when nothing else says",
    "R-LANDFORM": "a place the tables call LOC whose name opens with a natural place's head noun (البحر الأحمر، "
                  "خليج الخنازير; data/actors/landforms.tsv) is no speaker (none) when nothing else gives it a role, "
                  "not an official as R-KIND gives a LOC",
    "R-UNTAGGED": "no title anywhere and never tagged as a name by the entity tagger: none",
    "R-PLURAL": "role from a listed term's plural, feminine or (in)definite form (المتظاهرين، الناشطات، "
                "وكالات الأنباء) when the lexicon does not list that form",
    "R-CASE-ENDING": "role from a listed one-word title or person noun in the indefinite accusative (مسؤولا، تقريرا) "
                     "or as a construct plural (منتقدو، مراقبو) when the lexicon does not list that form",
    "R-RANK": "a title of rank, not office (الشيخ، الأمير; data/actors/rank_titles.tsv) gives its role only "
              "when no other title or context the corpus gives the actor does",
    "R-RULER-OF-STATE": "a prince's title (أمير، الأمير; data/actors/state_rulers.tsv) is a head of state's before a "
                        "state's name (أمير قطر، أمير دولة الكويت), else an official's (أمير منطقة عسير)",
    "R-RANK-COMMONER": "a ruler's rank title (الشيخ) before a name with no nasab or آل (الشيخ جعفر الربح, not الشيخ محمد "
                       "بن زايد) is a scholar's: the role data/actors/rank_titles.tsv gives it there",
    "R-RANK-YIELDS": "a title of rank (الشيخ، الأمير، الدكتور) that opens a speaker's words, or a title or apposition "
                     "around it, yields to an office title in the same words (الدكتور صالح العواجي وكيل وزارة المياه, "
                     "مدير الجامعة الدكتور عبدالرحمن العاصمي): that office's role is their vote",
    "R-ADVISER": "a chancellor's title (المستشار) followed by a definite adjective that is no nationality "
                 "(المستشار الاقتصادي، not المستشارة الألمانية) is an adviser's (data/actors/adviser_titles.tsv)",
    "R-INTERNATIONAL": "an official's title or a state-like body with an international adjective or the UN a few words "
                       "after it (محكمة العدل الدولية، الشرطة الأوروبية، المبعوث الأممي) is an international organisation's",
    "R-STATE-ADJECTIVE": "a body read as an organisation's with a federal adjective, or a bank with المركزي, after its "
                         "head (لجنة التجارة الفيدرالية، مصرف الإمارات المركزي) is a state's: minister_or_official",
    "R-NISBA-BODY": "an untitled name closed by a feminine nisba (شاومي الصينية، سوناطراك الجزائرية) "
                    "names a company or body: organisation_or_spokesperson (the adjective is stripped)",
    "R-DOCUMENT-OWNER": "a document noun before a name (قرار هاني رمزي، بيان الرئيس) is what the named actor "
                        "issued, not its role",
    "R-PARTITIVE": "a speaker's words opening with أحد/إحدى and a noun before the name they resolve to "
                   "(أحد متابعي ساويرس) are one of that actor's people: their title gives the actor no role",
    "R-RANK-OVER-BODY": "a title of rank (الدكتور) stands when the only role that outvotes it is that of a body the "
                        "speaker is from (R-FROM-BODY: الدكتور مات كيرني، من هيئة الخدمات الصحية): membership is no office",
    "R-AGE": "an age right after the speaker (كريم (29 عاما)، سارة، 33 عاما،) marks an ordinary person: "
             "citizen_or_witness, when no title or context the corpus gives the actor says otherwise",
    "R-AGE-WORDS": "as R-AGE, an age written in words in an apposition right after the speaker (، وهو في الثالثة "
                   "والستين، وهو شاب في الرابعة والعشرين، البالغ من العمر 47 عاما): citizen_or_witness, weakly",
    "R-PRESS-PIECE": "the speaker's words going on with في/خلال/ضمن and a piece of writing (قال نصري الصايغ في مقالة، "
                     "أشار الموسى خلال مقاله، في تقرير أعده; data/actors/press_pieces.tsv) mark its writer: "
                     "journalist_or_media",
    "R-INDEFINITE": "a one-word title listed only with the article (الإمام، القيادي) is read without it too, as an "
                    "indefinite noun (قيادي في قوى 8 آذار، اقتصادي معروف), unless the bare word is another common "
                    "word (أمام، طالب، أديب; data/actors/not_bare_titles.tsv) or a given name",
    "R-NATIONALS": "a definite plural nationality alone as the speaker (الفلسطينيون، البريطانيين) is a people "
                   "speaking as a whole: citizen_or_witness, with no affiliation",
    "R-QUANTIFIER": "a quantifier alone as the speaker (بعضهم، عدد، حوالي النصف; data/actors/quantifiers.tsv), or "
                    "before a definite plural nationality (غالبية الأمريكيين), is a "
                    "number of ordinary people: citizen_or_witness, unless the words after it name them (كثير من "
                    "المحللين: R-CONTINUED)",
    "R-EARLIER-TITLE": "a tagged person nothing else gives a role takes the role (and the body or official's country) "
                       "of a title with no name that opens, or follows the first word or a speech verb of, the latest "
                       "of the two sentences before the person's first mention with one, no person named between "
                       "(تعرضت وزيرة الهجرة الدنماركية لانتقادات. وقالت إنغر ستويبرغ)",
    "R-DEFAULT": "no evidence: other",
    "R-VOX-POP": "an actor nothing gives a role (R-DEFAULT), quoted only in articles that quote four or more such "
                 "actors named in full (two words or more), is one of the ordinary people a street interview asks "
                 "(وقال زاهر العلي … وأشار هاشم الباروت): citizen_or_witness",
    "R-CONTINUED": "a title alone as the speaker (القيادي) read with the words after the span that go on "
                   "describing it (البارز في جيش الإسلام → armed_group), when at least half its uses do",
    "R-COUNTERPART": "a counterpart (ونظيره السعودي) before a name holds the office of the title before it "
                     "in the sentence (ووزير الخارجية الكويتي), in the country of its nisba",
    "R-PLACE": "a place (a state, a capital, or tagged LOC) that never speaks, only named or spoken about, "
               "is no speaker (none): a place is a speaker only when it stands for its government",
}

ALIAS_COLUMNS = ["form", "key", "label", "role", "affiliation", "rule", "why", "count"]
EDIT_COLUMNS = ["form", "key", "label", "role", "affiliation"]
ALIASES_NAME = "aliases"  # tables/aliases.csv
EDITS_NAME = "aliases_edits"  # tables/aliases_edits.csv: the researcher's table, kept with the run
GENERIC_PREFIX = "generic:"
CONTEXT_CHARS = 80
MENTION_CONTEXT_CHARS = 50
MAX_TITLE_WORDS = 14  # a title read to its body (نائب المدير العام لشؤون التأهب والاستجابة للطوارئ في المنظمة)
OFFICE_MIN_VOTES = 2
OFFICE_MIN_SHARE = 0.75
DOCLINK_MIN_SHARE = 0.75  # A-DOCLINK: the share of a name's links that must go to one actor
ACTOR_SOURCES = ("quote", "stance", "target")  # positions where a form acts (capitals stand for states)
SPEAKER_SOURCES = ("quote", "stance")  # positions where a form speaks (a stance's speaker, not its target)
# the text before a speaker's first mention in its article, back two sentences (R-EARLIER-TITLE)
EARLIER_SOURCE = "earlier"
EARLIER_SENTENCES = 2

_LATIN = re.compile(r"[A-Za-z]")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]")
_PUNCT = re.compile(r"[\"'“”«»„‟‘’`()\[\]{}<>.,،؛;:!?؟…/\\|*+=~^%$@&-]+")
_HASHTAG = re.compile(r"#(\S+)")
_CLITIC_LATIN = re.compile(r"^[لب]\s*(?=[A-Za-z])")
_VOWELS = set("اويءئؤ")
_JOINED_OPENERS = ("عبد", "ابو", "ابي", "ابا")
_NAME_LINKS = frozenset({"ال", "بن", "بنت", "ابن", "ابو", "ابي", "ابا", "عبد", "ام"})  # matching forms
_FORMER = frozenset({"السابق", "السابقه", "الاسبق", "الراحل", "الراحله"})  # a former office is another office
SURNAME_MIN_LETTERS = 4  # a surname matched by its consonants (A-SURNAME) needs this many


def generic_key(role: str) -> str:
    return GENERIC_PREFIX + role


def generic_label(role: str) -> str:
    return "(not a speaker)" if role == "none" else f"(unnamed {role.replace('_', ' ')})"


def is_generic_label(label: str) -> bool:
    """Whether ``label`` is one that ``generic_label`` gives: a description naming nobody."""
    return label == "(not a speaker)" or label.startswith("(unnamed ")


# --- data -----------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    rows = []
    with open(DATA / name, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def words_of(text: str) -> tuple[str, ...]:
    """Matching-form words of a text, without punctuation."""
    return tuple(_PUNCT.sub(" ", match_form(text)).split())


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    role: str
    kind: str  # person, head, body, generic, modifier
    derived: bool = False  # a plural, feminine or (in)definite form of a listed term (R-PLURAL)
    rule: str = ""  # the rule that made a term the file does not list (R-TITLE-SYNONYM)


@dataclass(frozen=True)
class Lexicons:
    terms: dict  # words -> Term
    longest: int
    honorifics: frozenset
    nisba: dict  # word(s) -> affiliation
    capitals: dict  # name key -> state name
    variants: dict  # name key -> name
    not_speakers: frozenset
    quoting: frozenset  # nouns of quoting a span may take in (على لسان): A-QUOTING-NOUN
    given_names: frozenset
    states: frozenset  # name keys of states
    state_names: dict = None  # name key of a state, capital or listed country name -> the state's name
    government: frozenset = frozenset()  # head nouns (words) of bodies speaking for a government
    dropped: frozenset = frozenset()  # company and media head nouns dropped before a name
    starts: frozenset = frozenset()  # the first words of the listed terms
    quantifiers: frozenset = frozenset()  # words that alone stand for a number of people (R-QUANTIFIER)
    approximators: frozenset = frozenset()  # words that may open such a span (حوالي النصف)
    representatives: frozenset = frozenset()  # titles (words) that represent a body named after them
    ranks: frozenset = frozenset()  # titles of rank, not office (الشيخ، الأمير): R-RANK
    state_rulers: frozenset = frozenset()  # titles that are a ruler's before a state's name (R-RULER-OF-STATE)
    commoner_ranks: dict = None  # rank title -> its role before a name with no nasab or آل (R-RANK-COMMONER)
    relational: frozenset = frozenset()  # titles (words) whose name after them is someone else's (A-OF-NAME)
    units: frozenset = frozenset()  # head nouns of a body's unit (إدارة، مكتب) that speak for the body after them
    landforms: frozenset = frozenset()  # head nouns of natural places (البحر، خليج): R-LANDFORM
    advisers: dict = None  # title words -> the adviser's role when no nationality follows (R-ADVISER)
    press_pieces: frozenset = frozenset()  # pieces of writing (words) a writer of the press signs: R-PRESS-PIECE
    team_titles: dict = None  # words of a player's or coach's title, a team's head noun, a word no team: AFF-TEAM
    local_offices: dict = None  # (title words, the word that must follow or "") -> the body's head: AFF-LOCAL-OFFICE
    state_adjectives: frozenset = frozenset()  # forms of the adjectives that make a body the state's: R-DOMAIN-BODY


def _nisba_forms(adjective: str) -> list[str]:
    base = match_form(adjective)
    forms = [base, base + "ه"]
    bare = base[2:] if base.startswith("ال") else base
    forms += [bare, bare + "ه"]
    if " " not in base and base.endswith("ي"):  # the plurals the file's header promises: سويسريون، سويسريين
        forms += [w + suffix for w in (base, bare) for suffix in ("ون", "ين")]
    if " " in base:  # الكوري الجنوبي -> الكوريه الجنوبيه
        forms.append(" ".join(w + "ه" for w in base.split()))
    return forms


def _inflections(word: str, person: bool) -> list[str]:
    """Sound plurals (and, for a title, the feminine and the dual) of a noun in matching form: مراقب →
    مراقبون، مراقبين، مراقبه، مراقبات، مراقبان; شركه → شركات. Nothing for a word that looks plural
    already or ends in a long vowel or hamza."""
    if word.endswith(("ون", "ين", "ات", "ا", "ء", "و")):
        return []
    if word.endswith("ه"):
        return [word[:-1] + "ات"]
    return [word + "ون", word + "ين"] + ([word + "ه", word + "ات", word + "ان"] if person else [])  # ان: dual


_PERSON_NOUN_ROLES = frozenset({"citizen_or_witness", "expert_or_academic", "party_or_opposition",
                                 "religious_figure"})


def _derived_forms(term: Term) -> list[tuple]:
    """The forms of a listed term the lexicon does not list (R-PLURAL): a one-word title or
    common noun inflected, and with the article when listed without; a body's head noun only in the
    plural (شركه → الشركات: حماس gives nothing); a phrase only by its first word's ـات plural
    (وكاله الانباء → وكالات الانباء)."""
    if term.kind == "modifier" or term.role == "-":
        return []
    head, rest = term.words[0], term.words[1:]
    bare = head[2:] if head.startswith("ال") else head
    if len(bare) < 3:
        return []
    if rest:
        return [(head[:-1] + "ات",) + rest] if head.endswith("ه") else []
    if head.endswith(("ون", "ين")) and len(bare) >= 5:  # a listed sound plural in its other case: المشجعون → المشجعين
        other = head[:-2] + ("ين" if head.endswith("ون") else "ون")
        return [(w,) for w in dict.fromkeys([other] + (["ال" + other] if not head.startswith("ال") else []))]
    # a title, or a common noun for a person (سائح، طبيب، محلل): also its feminine (سائحة روسية)
    person = term.kind in ("person", "head") or (term.kind == "generic" and term.role in _PERSON_NOUN_ROLES)
    heads = (head,) if head.startswith("ال") else (head, "ال" + head)  # never a bare word: ناجي is a name
    if term.kind == "body":
        return [(w,) for h in heads for w in _inflections(h, False) if w.endswith("ات")]
    forms = [w for h in heads for w in [h] + _inflections(h, person)]
    return [(w,) for w in dict.fromkeys(forms) if w != head]


def _indefinite_form(term: Term) -> tuple:
    """R-INDEFINITE: a one-word title listed only with the article (الإمام، القيادي) without it, as an
    indefinite noun (إمام الحرم النبوي، قيادي في قوى 8 آذار); () for a phrase, a body or a short word."""
    if len(term.words) != 1 or term.kind not in ("person", "head") or term.derived or term.role == "-":
        return ()
    word = term.words[0]
    return (word[2:],) if word.startswith("ال") and len(word) >= 6 else ()


def _case_forms(term: Term) -> list[tuple]:
    """R-CASE-ENDING: a one-word title or person noun listed without the article, in the indefinite
    accusative (مسؤولا، تقريرا، صحفيا: its tanwin written ا; a noun with its nisba adjective: مديرا فنيا) and,
    for a person noun, as the first word of a construct plural (منتقدو، مراقبو الانتخابات). Nothing for a word
    ending in ة, a long vowel or hamza."""
    if term.kind == "body" or not term.words or len(term.words) > 2:
        return []
    if len(term.words) == 2:  # a noun and its nisba adjective, both marked: مديرا فنيا، محللا سياسيا
        noun, adjective = term.words
        if noun.startswith("ال") and adjective.startswith("ال"):  # المدير الفني → مديرا فنيا
            noun, adjective = noun[2:], adjective[2:]
        if noun.startswith("ال") or not adjective.endswith("ي") or noun.endswith(("ه", "ا", "ى", "ء", "و", "ي")):
            return []
        return [(noun + "ا", adjective + "ا")]
    word = term.words[0]
    if word.startswith("ال") or len(word) < 3 or word.endswith(("ه", "ا", "ى", "ء", "و", "ون", "ين", "ات")):
        return []
    if term.kind == "modifier":  # بارزا، سابقا: still a description
        return [(word + "ا",)]
    person = term.kind in ("person", "head") or (term.kind == "generic" and term.role in _PERSON_NOUN_ROLES)
    return [(word + "ا",)] + ([(word + "و",)] if person and not word.endswith("ي") else [])


_SYNONYMS_OF = {}
for _word, _canonical in TITLE_SYNONYMS.items():
    _SYNONYMS_OF.setdefault(_canonical, []).append(_word)


def _synonym_forms(words: tuple) -> list[tuple]:
    """R-TITLE-SYNONYM: a listed term with its title word written as a synonym (المتحدث باسم الحكومة →
    الناطق باسم الحكومة; الملك → العاهل), from the title synonyms of ``arabic/name_words.json``."""
    forms = []
    for i, word in enumerate(words):
        article = "ال" if word.startswith("ال") else ""
        for synonym in _SYNONYMS_OF.get(word[len(article):], ()):
            forms.append(words[:i] + (article + synonym,) + words[i + 1:])
    return forms


_SOURCE_NOUNS = ("مصدر", "مصادر", "المصدر", "المصادر")


def _domain_terms() -> list[tuple[tuple, str, str]]:
    """R-DOMAIN: a source noun with a domain adjective (مصادر قضائية، مصدر برلماني) and the adjective's role,
    from ``domain_adjectives.tsv``; the article agrees (المصادر القضائية). R-DOMAIN-TITLE: the same after a
    spokesperson's or an official's title (متحدث عسكري، مسؤولين نقابيين). (words, role, rule) each."""
    found = []
    titles = [match_form(t) for (t, *_) in _rows("speaking_titles.tsv")]
    for adjective, role, *_ in _rows("domain_adjectives.tsv"):
        stem = match_form(adjective)
        for nouns, rule in ((_SOURCE_NOUNS, "R-DOMAIN"), (titles, "R-DOMAIN-TITLE")):
            for noun in nouns:
                article = "ال" if noun.startswith("ال") else ""
                for form in (stem, stem + "ه", stem + "ون", stem + "ين"):
                    found.append(((noun, article + form), role, rule))
    return found


def _adjective_forms(adjective: str) -> tuple:
    """A masculine singular adjective in matching form, with and without the article, and its feminine
    (أمني → امني، امنيه، الامني، الامنيه)."""
    stem = match_form(adjective)
    return tuple(article + stem + ending for article in ("", "ال") for ending in ("", "ه"))


def _relational_forms(title: str) -> list[tuple]:
    """A relational title in matching form, and its feminine in ة (مستشارة، مساعدة) for a one-word title."""
    words = words_of(title)
    forms = [words]
    if len(words) == 1 and len(words[0]) >= 4 and not words[0].endswith(("ه", "ي")):
        forms.append((words[0] + "ه",))
    return forms


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The data files of ``data/actors`` in matching form (loaded once)."""
    terms = {}
    for term, role, kind in _rows("role_titles.tsv"):
        words = words_of(term)
        if words and words not in terms:
            terms[words] = Term(words, role, kind)
    given_names = frozenset(name_key(n) for (n, *_) in _rows("given_names.tsv"))
    not_speakers = frozenset(match_form(w) for (w, *_) in _rows("not_speakers.tsv"))
    # a state's name is never a derived form of a title (الإمارات is no plural of إمارة here)
    state_words = {words_of(name) for row in _rows("capitals.tsv") + _rows("countries.tsv") for name in row} \
        | {words_of(place) for _, place in NISBA_PLACES}
    for term in list(terms.values()):
        for words in _derived_forms(term):
            if words not in terms and words[0] not in given_names and words[0] not in not_speakers \
                    and words not in state_words:
                kind = "head" if term.kind == "head" else "generic"
                terms[words] = Term(words, term.role, kind, derived=True)
    for term in list(terms.values()):
        for words in _case_forms(term):
            if words[0] not in given_names and words[0] not in not_speakers:
                kind = term.kind if term.kind in ("head", "modifier") else "generic"
                terms.setdefault(words, Term(words, term.role, kind, derived=True, rule="R-CASE-ENDING"))
    not_bare = frozenset(match_form(w) for (w, *_) in _rows("not_bare_titles.tsv"))
    for term in list(terms.values()):
        bare = _indefinite_form(term)
        if bare and bare[0] not in given_names | not_speakers | not_bare:
            terms.setdefault(bare, Term(bare, term.role, term.kind, derived=True, rule="R-INDEFINITE"))
    for term in list(terms.values()):
        for words in _synonym_forms(term.words):
            terms.setdefault(words, Term(words, term.role, term.kind, derived=term.derived, rule="R-TITLE-SYNONYM"))
    for words, role, rule in _domain_terms():
        terms.setdefault(words, Term(words, role, "generic", rule=rule))
    for term in list(terms.values()):
        spelled = tuple(w.replace("ؤ", "ئ") for w in term.words)  # المسئول: the hamza on its Egyptian seat
        if spelled != term.words:
            terms.setdefault(spelled, Term(spelled, term.role, term.kind, derived=term.derived,
                                           rule=term.rule or "R-SPELLING"))
    nisba = {}
    for adjective, affiliation in NISBA_PLACES:
        for form in _nisba_forms(adjective):
            nisba.setdefault(tuple(form.split()), affiliation)
    capitals = {name_key(capital): state for capital, state in _rows("capitals.tsv")}
    variants = {name_key(variant): form for variant, form in _rows("variants.tsv")}
    states = {name_key(state) for state in capitals.values()}
    state_names = {name_key(state): state for state in capitals.values()}
    state_names.update({key: state for key, state in capitals.items()})
    for _, place in NISBA_PLACES:  # the countries of the nisba list (الأردني → الأردن), not its bodies (الأمم المتحدة)
        listed = terms.get(words_of(place))
        if name_key(place) and (listed is None or listed.kind != "body"):
            states.add(name_key(place))
            state_names.setdefault(name_key(place), place)
    for name, state in _rows("countries.tsv"):
        variants[name_key(name)] = state
        states.add(name_key(state))
        state_names[name_key(name)] = state_names[name_key(state)] = state
    return Lexicons(
        terms=terms, longest=max(len(w) for w in terms),
        honorifics=frozenset(w for (h, *_) in _rows("honorifics.tsv") for w in words_of(h)),
        relational=frozenset(words for (t, *_) in _rows("relational_titles.tsv") for words in _relational_forms(t)),
        nisba=nisba, capitals=capitals, variants=variants,
        not_speakers=not_speakers, given_names=given_names,
        quoting=frozenset(match_form(w) for w, what in _rows("not_speakers.tsv") if what == "quoting noun"),
        states=frozenset(states), state_names=state_names,
        government=frozenset(words_of(t) for t, kind in _rows("affiliation_heads.tsv") if kind == "government"),
        dropped=frozenset(words_of(t) for t, kind in _rows("affiliation_heads.tsv") if kind == "dropped"),
        starts=frozenset(words[0] for words in terms),
        quantifiers=frozenset(match_form(w) for w, kind in _rows("quantifiers.tsv") if kind == "quantifier"),
        approximators=frozenset(match_form(w) for w, kind in _rows("quantifiers.tsv") if kind == "approximator"),
        representatives=frozenset(words_of(t) for (t, *_) in _rows("representatives.tsv")),
        ranks=frozenset(words_of(t) for (t, *_) in _rows("rank_titles.tsv")),
        state_rulers=frozenset(words_of(t) for (t, *_) in _rows("state_rulers.tsv")),
        commoner_ranks={words_of(t): rest[0] for (t, *rest) in _rows("rank_titles.tsv") if rest and rest[0] != "-"},
        units=frozenset(words_of(t) for (t, *_) in _rows("unit_heads.tsv")),
        landforms=frozenset(match_form(t) for (t, *_) in _rows("landforms.tsv")),
        advisers={words_of(t): role for t, role in _rows("adviser_titles.tsv")},
        press_pieces=frozenset(words_of(t) for (t, *_) in _rows("press_pieces.tsv")),
        team_titles={words_of(t): kind for t, kind in _rows("team_titles.tsv")},
        local_offices={(words_of(t), match_form(after) if after != "-" else ""): head
                       for t, after, head in _rows("local_offices.tsv")},
        state_adjectives=frozenset(form for adjective, _, body in _rows("domain_adjectives.tsv") if body == "state"
                                   for form in _adjective_forms(adjective)),
    )


# --- names -----------------------------------------------------------------------


def name_key(name: str, disabled: frozenset = frozenset()) -> str:
    """The matching key of a name (rule A-NORM, A-LATIN): matching form, no punctuation,
    عبد/أبو joined to the next word, Latin in lower case."""
    if "A-NORM" in disabled:
        return " ".join(name.split())
    text = match_form(name)
    if "A-HASHTAG" not in disabled:
        text = text.replace("_", " ").replace("#", " ")
    words = _PUNCT.sub(" ", text).split()
    if "A-LATIN" not in disabled:
        words = [w.lower() for w in words]
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in _JOINED_OPENERS:
            joined[-1] += word
        elif joined and word == "الله" and joined[-1] not in _JOINED_OPENERS:
            joined[-1] += word  # نصر الله -> نصرالله
        else:
            joined.append(word)
    return " ".join(joined)


def skeleton(word: str) -> str:
    """A word without its vowel letters after the first letter, ج and غ as one (rule A-VOWEL)."""
    if len(word) < 3 or _LATIN.search(word):
        return word
    middle = "".join(c for c in word[1:-1] if c not in _VOWELS)
    return (word[0] + middle + word[-1]).replace("غ", "ج")


def _guarded(word: str, lex: Lexicons) -> bool:
    """Words compared exactly, never by skeleton: Arabic given names and short words, the article
    not counted (الأم, الأيام and الوئام share a skeleton, as do most short words in a large corpus)."""
    bare = word[2:] if word.startswith("ال") and len(word) > 3 else word
    return word in lex.given_names or len(skeleton(bare)) < 3 or bool(_LATIN.search(word))


def skeleton_key(key: str, lex: Lexicons) -> tuple:
    return tuple(w if _guarded(w, lex) else skeleton(w) for w in key.split())


def vowels_added(a: str, b: str) -> bool:
    """Is one word the other with vowel letters added inside it, ج and غ as one (ترمب → ترامب,
    نتنياهو → نتانياهو)? A vowel swapped for another (اليمن, المان; كيري, كاري) is another word:
    in a large corpus many names share a skeleton (rule A-VOWEL)."""
    a, b = a.replace("غ", "ج"), b.replace("غ", "ج")
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == len(long) or (short.startswith("ال") and long.endswith("يه") != short.endswith("يه")):
        return False  # ـية after a definite Arabic stem is a derived word (الناصرية is not الناصرة)
    reach = {0}  # positions in ``long`` after matching a prefix of ``short``
    for letter in short:
        after = set()
        for k in reach:
            while k < len(long):
                if long[k] == letter:
                    after.add(k + 1)
                if not (0 < k < len(long) - 1 and long[k] in _VOWELS):
                    break  # only a vowel letter inside the word may be skipped
                k += 1
        reach = after
    return len(long) in reach


def _foreign_letters(word: str) -> str:
    """A foreign name's consonants: vowel letters dropped after the first letter, ث as ت, غ as ج."""
    return (word[0] + "".join(c for c in word[1:] if c not in _VOWELS)).replace("ث", "ت").replace("غ", "ج")


def transliterated(words: list[str], others: list[str], lex: Lexicons) -> bool:
    """``A-TRANSLIT``: as many words, each the same or the same foreign name written two ways (``_foreign_letters``),
    never an Arabic given name nor a word of fewer than three consonants (رون / ريناي), and one word at least
    differing."""
    return len(words) == len(others) and words != others and all(
        a == b or (a not in lex.given_names and b not in lex.given_names and len(_foreign_letters(a)) >= 3
                   and not _LATIN.search(a + b) and _foreign_letters(a) == _foreign_letters(b))
        for a, b in zip(words, others))


def vowel_variant(key: str, other: str, lex: Lexicons) -> bool:
    """Two name keys of as many words, each word equal or with vowel letters added (``vowels_added``);
    Arabic given names and short words compared exactly."""
    words, others = key.split(), other.split()
    return len(words) == len(others) and all(
        a == b if _guarded(a, lex) or _guarded(b, lex) else vowels_added(a, b) for a, b in zip(words, others))



def match_terms(words: tuple, lex: Lexicons) -> list[tuple[int, Term]]:
    """Lexicon terms found in ``words`` (longest first at each position), with their positions;
    a word may carry a leading و or ف."""
    found = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(lex.longest, len(words) - i), 0, -1):
            chunk = words[i:i + n]
            term = lex.terms.get(chunk)
            if term is None and chunk[0][:1] in ("و", "ف") and len(chunk[0]) > 2:
                term = lex.terms.get((chunk[0][1:],) + chunk[1:])
            if term is not None:
                hit = term
                break
        if hit is not None:
            found.append((i, hit))
            i += len(hit.words)
        else:
            i += 1
    return found


def _nisba_at(words: tuple, i: int, lex: Lexicons) -> tuple[int, str]:
    """(number of words, affiliation) of a nisba adjective at ``words[i]``, else (0, "")."""
    for n in (2, 1):
        if i + n <= len(words) and tuple(words[i:i + n]) in lex.nisba:
            return n, lex.nisba[tuple(words[i:i + n])]
    return 0, ""


def _is_modifier(word: str, lex: Lexicons) -> bool:
    term = lex.terms.get((word,))
    return term is not None and term.kind == "modifier"
