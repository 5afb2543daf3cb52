"""The rule registry of the quotes stage.

Contract: ``RULES`` maps every rule id that makes a quote, bounds its content or picks its
speaker to a one-line description; ``DISABLED_RULES`` is the one set of switched-off ids that
every stage module consults through ``rule_on`` (tests mutate it, through ``disabled_rules``);
``METHOD_RULES`` names the rule of each way a content is found. Nothing else lives here.
"""
from __future__ import annotations

from qawl.registry import switched_off


# Every rule that makes a quote or picks its speaker has an id; each quote records the ids
# of the rules that produced it (``Quote.rules``, the ``rules`` column of the quotes table).
# The rules added for issue 14 can be switched off for tests: put their id in DISABLED_RULES.
RULES: dict[str, str] = {
    # how the content was found (one per BASE_CONFIDENCE method)
    "Q-QUOTE": "a cue whose content is a quotation (قال: «…», «…» قال)",
    "Q-COLON": "a cue followed by a colon and unquoted words",
    "Q-THAT": "a cue with a that-clause (قال إن، أكد أن)",
    "Q-PREP": "a cue with the preposition its verb takes (دعا إلى، أشار إلى، اتهم … بـ)",
    "Q-OBJ": "a cue with a noun-phrase or proposition object (أعلن X، أكد ضرورة X)",
    "Q-PROPOSITION-PREP": "a proposition noun right after the speaker opens the words even when the cue's preposition "
                          "follows it (أكد حرص المجلس على وحدة اليمن: from حرص, not from وحدة)",
    "Q-AMBIGUOUS-COMMA": "a cue that is also a common word (بين، بيّن) reports when its أن follows the speaker at "
                         "once or after the one comma that closes the speaker (وبيّن المسؤول الأردني، أن)",
    "Q-AMBIGUOUS-SPEAKER-RUN": "an ambiguous cue form opening its clause (وبين، وأبان، وجد) with its subject right after it "
                               "reports when only words and commas run on to its أن (وبين الدكتور كمال عثمان خلال حديثه "
                               "أن); not a second noun joined by و (بين الحكومة والمعارضة) nor a figure",
    "Q-PREDICATE-OBJECT": "a verb of holding (اعتبر) in the past or as a participle takes a noun object and what it is "
                          "held to be as its words (واعتبر السودان تشكيل المجلس خطوة مهمة، معتبرا التطوير خطوة جيدة); "
                          "not the present, mostly the passive (يعتبر ميسي ضمن …); data: cues.json predicate_cues",
    "Q-OWNED-PROPOSITION": "a proposition noun carrying its owner's pronoun right after the cue (أكدت الشركة عزمها "
                           "طرحه، جدد تمسكه بـ) opens the words, as the bare noun does (أكد ضرورة); data: cues.json "
                           "proposition_nouns",
    "Q-OWNED-NOUN-OBJECT": "any noun carrying its owner's pronoun after a complete speaker phrase (a definite word or "
                           "a tagged name's end) ends the phrase and opens the words of a cue that takes a proposition "
                           "(أكد جميل قاسم سعادته بما …، أكد أبناء الأقلية في إثيوبيا رغبتهم في …); not the reflexive "
                           "(نفسه), the same source (ذاته), a quantifier (جميعهم), a relative noun (نظيره) nor an "
                           "honorific (سموه); data: function_words.json subject_quantifiers",
    "Q-EXPRESSED-ATTITUDE": "أعرب/عبّر عن + a noun carrying its owner's pronoun (أعرب عن أمله في …، عبرت عن قلقها من …) "
                            "reports the attitude in words; not thanks (أعرب عن شكره), an act in ANNOTATION.md, nor "
                            "عبر عن نفسه; data: cues.json owned_object, attitude_exclusions",
    "Q-ATTRIB": "an attribution phrase (بحسب / وفقا لـ / نقلا عن X) before or after the words",
    "Q-ATTRIB-TIME": "a time adverb between an attribution's relaying verb and its subject is passed over (بحسب ما أعلن "
                     "اليوم مصدر حكومي)",
    "Q-ATTRIB-IMPERSONAL": "after ما an impersonal or passive verb (جاء، ورد، علم، نشر) takes its source after في / من "
                           "(…، حسبما نشر السبت في الجريدة الرسمية)",
    "Q-ATTRIB-GLUED": "an attribution's source opening with ل glued to the article (…، وفقا للاتحاد الدولي للاتصالات) "
                      "is the source's name, named without the ل (الاتحاد الدولي للاتصالات), not a prepositional phrase; "
                      "a document's head counts (ووفقا للدراسة، فإن)",
    "Q-ATTRIB-ISSUED-VERB": "an attribution's document or data followed by a verb read as passive and its author after a "
                            "preposition (…، بحسب تقرير نشر في صحيفة X.، وفق بيان صدر السبت عن المجلس) reports for the "
                            "document and its author, whatever the author's head; data: report_words.json issued_verbs",
    "Q-ATTRIB-NORM": "an attribution whose source is a rule, decision or plan with its ل, article or pronoun (…، "
                     "وفقا لقرار مجلس الأمن، طبقا لمعايير الشركة، وفق برنامجها) after the words it closes names "
                     "nobody who says them: no quote; data: clause_words.json norm_nouns",
    "Q-ATTRIB-CARRIER": "a carrier word of an attribution (مصادر، مصدر، بيان) is the source itself when the words after "
                        "it name none (…، بحسب مصادر عسكرية.، وفقا لمصادر أمنية.): they are its adjectives, not a source's name",
    "Q-ATTRIB-BARE-CARRIER": "a carrier word of an attribution (بيان، مصادر) followed by no noun phrase, only a preposition, "
                             "a comma or the sentence's end (…، وفقا لبيان من الشركة.، بحسب بيان، جاء فيه) is the source itself",
    "Q-ATTRIB-RELAYED": "the subject after a reporting verb inside an attribution (…، وفقا لما ذكرته خدمة الطوارئ "
                        "الأوكرانية) is a source even when no lexicon head or tag says so; not evidence (الصور)",
    "Q-VERBAL-NOUN-OBJECT": "a word shaped like a derived verbal noun right after a complete subject (a definite word or "
                            "a tagged name's end) opens the object of a cue that takes one (أعلن وزير الداخلية اكتمال "
                            "الاستعدادات، أكد ليبرلمان اعتراض نحو 400 طائرة), not more of the subject",
    "Q-PLAIN-VERBAL-NOUN-OBJECT": "a bare form II or form I verbal noun (تجديد، وصول) right after a complete subject opens "
                                  "a cue's object as a derived one does (وأكد التحالف العربي دخول سفينة، أعلن الاتحاد "
                                  "تعيين مدرب); data: report_words.json plain_verbal_noun_patterns",
    "Q-DATA-SHOWS": "data, figures or findings (بيانات، أرقام، نتائج) as the subject of a verb of showing (أظهرت بيانات "
                    "رسمية أن، كشفت أرقام حديثة عن) report what they show, though no source in an attribution; not sight "
                    "evidence (أظهرت اللقطات); data: cues.json data_subjects",
    "Q-DATA-OBJECT": "data that speak through a verb of showing (Q-DATA-SHOWS) report a noun object as they do a "
                     "that-clause (أظهرت بيانات رسمية اليوم الخميس، ارتفاع معدل التضخم؛ أظهرت بيانات الجمارك ارتفاع الفائض); not "
                     "when the subject phrase runs on over more than a few untagged words (the object is then in it)",
    "Q-ATTRIB-DATA": "an attribution after a comma that closes its sentence and cites data or figures (…، بحسب "
                     "إحصاءات الحلف الأطلسي.، وفقا لبيانات صدرت عن الهيئة.، حسب أرقام أعلنتها طوكيو) reports the clause "
                     "before it, with any attribution word; data: cues.json data_subjects",
    "S-DATA-ISSUER": "the speaker phrase of data, figures or findings that report (Q-DATA-SHOWS, an attribution) runs "
                     "on to the body named within a few words after them that issued them, as their genitive, after من / "
                     "عن / ل or as a clause's agent (كشفت بيانات للشرطة أن، أظهرت بيانات من إدارة معلومات الطاقة أن، بحسب "
                     "أرقام أعلنتها طوكيو), so that the body names it",
    "Q-OWNED-ACT": "a verbal or proposition noun carrying its owner's pronoun after a cue's subject opens the object "
                   "(أعلن الرؤساء التنفيذيون لثلاثة بنوك انسحابهم من المؤتمر), not more of the subject",
    "Q-ATTRIB-FINAL": "an attribution after a comma that closes its sentence reports the clause before it whatever its "
                      "source's head (…، وفق المؤشر العالمي.), unless it cites evidence, a norm or a plan",
    "Q-DESCRIBED-AS": "a describing verb whose object is then called something (ووصف خطة ترامب بأنها \"صفعة العصر\"، "
                      "وصف نتنياهو الهجوم بأنه عمل إرهابي): the object and what it is called are the words (after an "
                      "object pronoun, what it is called); data: cues.json describing",
    "Q-NEGATED-REPORT": "a cue verb right after a negative particle (or دون أن) with a preposition or object complement "
                        "reports nothing (ولم تكشف الشركة عن عدد السيارات؛ دون أن يعلن عن التفاصيل); a negated that-clause "
                        "keeps its report (لا يتوقع أن); data: function_words.json report_negators, report_negator_pairs",
    "Q-NEGATED-PAST-THAT": "a cue verb right after the past negative لم reports nothing with a that-clause either (ولم "
                           "يوضح الخبر نوع العقار، … أنه؛ لم تعتبر المنظمة أن); present لا keeps it (لا يتوقع أن); data: "
                           "function_words.json past_report_negators",
    "Q-NOUN-FRAME-FROM": "a verbal noun after من that follows a noun-frame preposition a few words back or الرغم (بعد أيام من إعلان المرشد أنه، على الرغم من تأكيد الوزير أن) reports for its agent like one right after the preposition",
    "Q-SAYING-OWNED": "بقوله / بقولها (by his saying) before a quotation, a colon or أن reports for the one its pronoun "
                      "points to, resolved as a dropped subject (وتطرق إلى التحليلات، بقوله: …); data: report_words.json "
                      "saying_nouns",
    "Q-HEADLINE-PAUSE": "a headline's speaker may follow its topic after a pause (عام على الأزمة الخليجية.. ووزير "
                        "خارجية البحرين: …؛ بعد حكم العدل الدولية.. جواد ظريف: …): the headline form starts after the "
                        "last .. or … before its colon; data: punctuation.json pause_marks",
    "Q-ATTRIB-RELAYS-REPORT": "an attribution whose clause opens with a report of its own (وقال بوتين في الفيلم، بحسب "
                              "رويترز: \"…\"; وبحسب الشروق، فإن معلول قال إن) makes no quote: the words are the reporting "
                              "verb's speaker's",
    "Q-ATTRIB-LAST-CLAUSE": "a sentence-final attribution reports only the last clause that a comma and وقد / فقد "
                            "open (أطلق النادي مبادرة …، وقد استفاد 1311 شابا منها وفقا للنادي)",
    "Q-ATTRIB-FINAL-TAIL": "a final attribution still closes its clause when a comma and only a date (…، وفقا لبيان على "
                           "موقع الهيئة، الأحد.) or a word that opens a new clause (…، بحسب المصور، بينما) follow its source",
    "Q-ATTRIB-ISSUER": "what an attribution cites that is no source (data, figures) speaks through the body that issued it "
                       "(وفق الإحصاءات الصادرة عن وزارة المالية)",
    "Q-ATTRIB-INNER": "an attribution with no mark before it whose source a word of the same clause follows (قتل من "
                      "جراء النزاع في دارفور وفق للامم المتحدة 300 الف شخص) reports the whole sentence, over it",
    "Q-ATTRIB-MIDDLE": "an attribution set off by commas or dashes after a short sentence head reports the words after "
                       "it (يحتوي الهاتف -بحسب تسريبات الموقع- على 3 شاشات), not the head before it",
    "Q-ATTRIB-COMMA-FA": "an attribution joined by و right after a comma inside a sentence (…، وبحسب معطيات منظمة "
                         "السياحة العالمية فإن …) opens its own clause for Q-ATTRIB-FA: its فإن / فقد opens the words, "
                         "not the clause before the comma",
    "Q-ATTRIB-APODOSIS": "a sentence-opening attribution that فإن / فقد closes reports whatever its source's head "
                         "(وبحسب الاستخبارات الأميركية، فإن …), unless it cites something seen (وحسب الصور، فقد); "
                         "data: cues.json speaker_heads sight_evidence",
    "Q-ATTRIB-FA": "a sentence-opening attribution whose source runs past its noun phrase (ووفقا للمختص في "
                   "الاستثمارات، فإن …): فإن / فقد close the source and open the words; also a short source whose "
                   "relative clause runs on to its فإن (حسب الدراسة التي أجريت في جامعة أوكسفورد، فإن); data: "
                   "clause_words.json apodosis_openers",
    "Q-ANONYMITY-ASIDE": "a source's request not to be named (قال مسؤول طلب عدم نشر اسمه إن، رافضا ذكر اسمه:، بشرط "
                         "عدم الكشف عن هويته) or the note that it is not (متحدث عسكري، لم يذكر اسمه،) is an aside: no cue of its own, no part of the speaker, skipped between "
                         "the speaker and the words; data: report_words.json anonymity_*",
    "Q-OBJECT-PRONOUN-PREP": "a cue that aims at someone, carrying that someone as an object pronoun, reports "
                             "its preposition's words too (اتهمها سالفيني بالتعاون مع المهربين، طالبه الوزير بالاستقالة)",
    "Q-OBJECT-PRONOUN-DROPPED": "after و/ف, a cue that aims at someone, carrying that someone as its object pronoun, "
                                "with no subject of its own and its preposition right after it (واتهمتها بدعم جماعات "
                                "متطرفة، وحذر الفيفا اليونان وطالبها باتخاذ) reports for its dropped subject; not after أن / إن "
                                "in its sentence, where the verb may be the reported clause's own",
    "Q-RELATIVE-PREP": "after a relative pronoun that is the cue verb's subject, the preposition right after the verb "
                       "reports its words for the antecedent (مدير المستشفى الذي أشار إلى تعرض أشخاص لعوارض …، "
                       "التي أشارت إلى مقتل طاقمها); not التي دعا إليها, whose preposition points back",
    "Q-RELATIVE-OBJECT": "after a relative pronoun, a cue carrying its object pronoun reports for the source named "
                         "after it what the antecedent is accused of, called or held to be (الذي تتهمه ابنته بالتحرش بها، "
                         "والذي وصفه بوتين بأنه لا يقهر، التي اعتبرها الملك طريقة جهنمية); data: cues.json describing",
    "Q-COLON-FORM": "a form kept out of the lexicon because it is mostly another verb (زاد \"increased\") is a verb of "
                    "saying with و/ف right before a colon (، وزاد: …): the same speaker goes on; data: cues.json colon_forms",
    "Q-FIXED-OBJECT": "a cue that reports only with a fixed object after its speaker (ألقى / أنحى باللائمة، باللوم) "
                      "reports the words after that object (وألقى خان باللائمة على اقتطاع مخصصات الشرطة), nothing "
                      "without it (ألقت الشرطة القبض على); data: cues.json fixed_objects",
    "Q-CLOSING-CUE-YIELDS": "a verb of closing (ختم، اختتم) reads words only where no other cue claims them (وختم "
                            "اللاعب حديثه بالقول إن …: بالقول reports); data: cues.json yields",
    "Q-NAME-FINAL-CUE": "a bare cue form that ends a tagged person's name after its other words (ليخلف عادل عزت في "
                        "المنصب) is the name, not a verb",
    "Q-CLAUSE-FORM-FAR": "Q-CLAUSE-FORM's عن may stand past the few words of a plain subject, after a long titled "
                         "one with its commas (عبر رئيس وزراء الإمارات …، الشيخ محمد بن راشد آل مكتوم، السبت، عن سعادته), "
                         "up to CLAUSE_FORM_FAR_REACH tokens, when no other cue verb stands in between",
    "Q-CLAUSE-FORM": "a cue form the lexicon keeps out because it is also a preposition (عبر \"via\") is the verb where "
                     "it opens a clause and عن follows within a few words (وعبر وزير الخارجية عادل الجبير عن استنكار "
                     "المملكة؛ not أعلن عبر تويتر); data: cues.json clause_forms",
    "Q-ADVERBIAL-CLAUSE-BARE": "an adverbial phrase opening the sentence without و (من جانبه، من جهته، بدوره) right before "
                               "the cue opens a clause of its own, as with و (من جانبه أعرب رئيس النادي عن سعادته)",
    "Q-TALKED-ABOUT": "a past cue with a preposition of its past_preps (تحدث وزير الخارجية عن زيارتيه) reports what follows "
                      "when its subject names a source, only where no other candidate claims the words; data: cues.json "
                      "past_preps",
    "Q-ATTITUDE-CONSTRUCT": "after أعرب / عبّر عن, an indefinite noun in construct with a noun carrying its owner's "
                            "pronoun reports it as that noun would (عبر عن خيبة أمله، أعربت عن بالغ أسفها)",
    "Q-ATTITUDE-THAT": "after أعرب / عبّر عن, a noun without its owner's pronoun followed at once, or after من / في, by a "
                       "that-clause reports that clause (عبرت عن القلق من أن …، أعرب عن الأمل في أن …)",
    "Q-HEADLINE": "a headline form: speaker, colon, statement (روحاني: …)",
    "Q-HEADLINE-BODY-TITLE": "a headline speaker's words that another paragraph gives right after a person's title "
                             "(لطيفة: … ; نشرت الفنانة لطيفة التونسية) name a person though untagged",
    "Q-HEADLINE-TITLE-ABBREVIATION": "a headline speaker opened by a title's abbreviation and its dot (د. الصيني: …) is a "
                                     "person, and the dot is no sentence's end",
    "Q-HEADLINE-TITLE": "a headline speaker that is a title holding a place (وزير خارجية بريطانيا الأسبق لـCNN: …) "
                        "speaks; a headline that opens with the place (الرياض: …) does not",
    "Q-HEADLINE-PHRASE": "a headline speaker's phrase may hold a tagged name's words that look like stop words (عبدالله "
                         "بالخير: …) and a preposition after a source head (مصدر في اتحاد الكرة: …)",
    "Q-HEADLINE-TOPIC": "a headline whose speaker's name is followed by whom or what the words are about, then a "
                        "colon and a quotation (السيسي للمصريين حول قضية الغاز: \"جبنا جول\"); data: clause_words.json "
                        "headline_topics",
    "Q-CLOSER": "a clause closed by على حد قوله",
    "Q-RESPONSE-ADVERBIAL": "ردا / تعليقا / تعقيبا / جوابا + على between a speaker and its words is an adverbial of "
                            "reason (قال فوتيل، ردا على سؤال حول …، إنه \"…\"): no cue of its own, the words after it are "
                            "the first cue's; data: clause_words.json response_adverbials",
    "Q-DEMONSTRATIVE-OBJECT": "a demonstrative after a cue followed by a definite noun that names no source (أورد "
                              "هذا الزعم، أكد ذلك الأمر) is the object: no back reference, no speaker after it",
    "Q-BACK": "a cue that points back to words before it (أعلن ذلك X)",
    "Q-PLURAL-SUBJECT-PARTICIPLE": "a masculine plural participle agrees with a singular verb's subject set after it that "
                                   "names people without the article or counts them (أفاد باحثون أن …، مضيفين أن; أكد عدد "
                                   "من المواطنين أن …، موضحين أن): the speakers' next report, not someone inside the words",
    "Q-PLURAL-AGREEMENT": "a feminine singular participle after a comma continues the report of a plural subject "
                          "that is no sound masculine plural (أكدت المصادر أن …، مشيرة إلى أن): Arabic plurals of "
                          "things agree in the feminine singular",
    "Q-CLAUSE-SUBJECT-VERB": "a cue verb without a subject of its own inside a that-clause report's sentence, in "
                             "another gender or number than the report's speaker (وأضاف أن اللائحة شددت على …، ونصت "
                             "على; إن المرضى …، أكدوا أن), is the clause subject's predicate: the report goes on over it",
    # speakers
    "Q-CONCLUDE": "a finding verb with its that-clause right after إلى (توصل التقرير إلى أن، خلصت الدراسة إلى أن); "
                  "data: cues.json that_after",
    "Q-REPEAT-NAMED": "a headline statement repeated in the body with a speaker phrase (ميركل تقول "
                      "إنها تحترم قراره / وقالت المستشارة أنغيلا ميركل إنها تحترم قراره), is kept in the body's words, "
                      "where its speaker is named",
    "Q-PARTICIPLE-FRAME": "an accusative participle of a cue (ـا، ـين) reports without a comma before it when its "
                          "frame follows: an object and its verb's preposition (مطالبا المستهلكين بعدم، متهما الإعلام "
                          "بسوء), or whom it was said to and the words (مؤكدا لهم أنه)",
    "Q-HEADLINE-LABEL": "a headline form after a short untagged section label closed by a slash or bar (قد يهمك/ تميم بن "
                        "حمد: …، رياضي / مدربا الهلال والنصر: …): the speaker starts after the mark",
    "Q-HEADLINE-QUESTION": "a headline whose words after the colon ask a question (رومان أبراموفيتش: ما هي تأشيرة "
                           "المستثمر؟) names its topic, it reports no statement",
    "Q-LINK-LINE": "a link line (رابط الخبر بصحيفة الوئام: <title>) is no headline quote: it repeats the page's "
                   "title (it makes no quote; disabling it brings the spurious headline back)",
    # content boundaries
    "B-DATE": "a date between the speaker and an object (أعلن ترامب في مايو/ أيار الماضي انسحاب …، الشهر الماضي) is "
              "skipped: the object after it is the content; data: time_words.json month_names",
    "B-QUOTED-FULL-STOP": "an unquoted content ends at the closing mark of a quotation inside it that ends its "
                          "sentence (قالت تركيا إنها شنت الهجوم في إطار \"حقها المشروع ... ميثاق الأمم المتحدة.\" "
                          "| واستخدم الزعم): the next sentence is the narrator's",
    "Q-CLAIMS-NAMED": "an object or prepositional content of at most four words that only names others' claims (ونفى "
                      "ترامب هذه المزاعم، وينفي مانافورت جميع التهم، نفى الاتهامات الموجهة إليه): no words told, no "
                      "quote; not صحة هذه المزاعم nor a that-clause; data: report_words.json claim_nouns",
    "Q-ANAPHORIC-CONTENT": "an object or prepositional content that is one demonstrative (ولكنه ينفي ذلك، ووزارة "
                           "الداخلية إذ تعلن عن ذلك) points back at what the narrator told: no quote; its speaker stays "
                           "a loose agent; data: clause_words.json anaphoric_objects",
    "Q-PREPOSITION-NOUN": "a cue verb's form right after a preposition that governs a noun is its verbal noun (بين "
                          "رفض التطبيع، مقابل رفض 14 عضوا، مع توقع المستثمرين): no cue, unless after a preposition of time or "
                          "circumstance a source right after it is its agent (بعد وصف الرئيس الهجوم بأنه), recorded "
                          "there; data: function_words.json noun_governing_prepositions",
    "Q-RELAY-RELATIVE": "a relative clause on a relayed source (نقلت الصحيفة عن الدكتور إيان بيرسون، الذي يعمل "
                        "مهندسا …، ومتخصصا في توقع التطورات، بأن …) runs to the comma before the that-clause: the "
                        "words after it are the source's",
    "Q-CONJ-HOMOGRAPH": "و/ف + a cue form whose whole spelling is also another word (ورد 'it appeared', فرد "
                        "'individual') is conjunction + cue only where it opens a clause or carries its shadda (وردّ); "
                        "after a word (وما ورد فيه، كل فرد) no cue, though ورد في + a document reports like جاء في; "
                        "data: report_words.json conjunction_homograph_lemmas",
    "Q-QUESTION-NO-REPORT": "a cue in a sentence that opens with an interrogative (هل، كيف، لماذا) and ends with a "
                            "question mark (هل تقول بأن …؟، كيف أعلنت المنتخبات عن قوائمها؟) asks, it reports no "
                            "words; not past a relative clause (وهل ستتوقف طهران … التي تقول طهران إنها …؟); data: "
                            "function_words.json question_openers",
    "Q-INFERENCE-CLAUSE": "a present cue verb right after بما / مما (ارتفع اليورو، بما يشير إلى أن …) tells what the "
                          "narrated fact implies: no report; data: function_words.json inference_openers",
    "Q-NARRATOR-THAT": "أن governed by a word of the narrator's own clause after the speaker (، كما أن، يبدو أن، ومن "
                       "المتوقع أن، مما يعني أن، بل إن) is no complementiser of the cue: the scan for its complement "
                       "ends there; data: function_words.json clause_governors",
    "B-MODAL-THAT": "أن after a modal verb (يجب أن، يمكن أن) opens a clause inside the words, never the cue's "
                    "complement (منوها بأهمية السياحة … يجب أن توفرها); data: function_words.json modal_verbs",
    "B-SPEAKER-GOES-ON": "an unquoted content ends at a comma before لكنه / لكنها, or و / كما and a cue verb in the "
                         "cue's own tense, gender and number (قال إن …، لكنه يعتقد؛ …، ووصف خطة ترامب بأنها؛ يقول إن …، "
                         "وينكر؛ نفت أن …، كما نفت): the speaker's next report; not the noun of a verb that takes no "
                         "object (…، ونشر ثقافة الوعي)",
    "B-SAME-SUBJECT-CUE": "an unquoted content ends before و + a past cue verb in the cue's own person, gender and "
                          "number when the words have no subject of their own (أعلنت الحكومة إغلاق الصحيفة واتهمتها بـ، "
                          "قالت إنها مستعدة وأكدت دعمها): the speaker's next report",
    "B-FRAMED-QUOTATION": "a quotation after the cue's own preposition and followed by more words of the sentence "
                          "(طالب نشطاء بتجريم \"تصوير ما تحت التنورة\" واعتباره اعتداء جنسيا) is part of the words, "
                          "which are the whole frame",
    "B-TIME-ASIDE": "a time set off by commas between the speaker and a noun-phrase object (أعلنت الشرطة، الجمعة، "
                    "إطلاقها النار) does not keep the object from being the words",
    "B-OBJECT-CUE": "an unquoted content ends before a comma and (بل) و + a cue carrying an object pronoun (…، بل "
                    "ووصفه بالفظيع؛ …، واعتبرها): the speaker's next report of what was just named",
    "B-THAT-PURPOSE": "an unquoted content runs on over \"، وذلك\" when the speaker's purpose, means or reason follows "
                      "(…، وذلك من خلال / بهدف / لتعزيز …); before a narrator's frame (، وذلك في بيان) it still ends",
    "B-COLON-GOES-ON": "unquoted words after a colon go on over a sentence end when the next sentence of the "
                       "paragraph opens without و / ف, holds no cue, and the words say I or we (قال: كان أفضل منا. "
                       "لقد استفدنا من الأخطاء): the speaker is still talking; data: function_words.json "
                       "first_person_singular_words, first_person_plural_words",
    "B-PAUSE-ENDS": "a pause of two dots then a word with و / ف (…البرنامج النووي.. وكان) ends unquoted words like "
                    "a full stop unless the words after it say I or we (…في سوريا.. ولا ينتظر أي منا): the "
                    "narrator's next sentence",
    "B-ACCORDING-TO-NORM": "an unquoted content runs on over \"، وفقا / بحسب\" before a rule, plan or wish it "
                           "follows (…، وفقا للمبادرة الخليجية؛ …، وفقاً للائحة الهيئة): no source; data: "
                           "clause_words.json norm_nouns",
    "B-TIME-CLAUSE": "an unquoted content ends before \"، قبل أن\" (the narrator's next event: كشف أن X، قبل أن ينضم …)",
    "B-CIRCUMSTANTIAL": "an unquoted content ends before an accusative participle of an act verb that is no cue "
                        "(… متناولا / مستعرضا): the speaker's next act; data: cues.json circumstantial",
    "B-WITHOUT-DETAIL": "an unquoted content ends before \"، (من) دون (أن)\" and a word of giving details or a "
                        "present cue verb (…، دون الكشف عن قيمة الصفقة / من دون أن يكشف خططه): the narrator's note",
    "B-ACT-PARTICIPLE": "an unquoted content ends before a comma and a masculine singular accusative participle of a "
                        "derived verb that is no cue (…، مقدما شكره / مستندا إلى …) after a masculine singular cue: "
                        "the speaker's next act",
    "B-CUE-PARTICIPLE": "an unquoted content ends before a comma and a cue's participle in the cue's own gender "
                        "and number (…، مشيدا بتعاون اللاعبين / مستبعدا حدوث …): the speaker's next act, "
                        "even where it opens no report of its own",
    "B-BARE-PARTICIPLE": "an unquoted content ends before (و +) a cue's masculine accusative participle in the cue's "
                         "own gender and number right after a word, without a comma (… معتبرا التطوير خطوة / "
                         "داعيا الله): the speaker's next act",
    "B-SAYING-PARTICIPLE": "a comma then a form of قال (، قائلا إن) opens a report of its own: the cue before it "
                           "does not take that report as its complement (واتهم خصومه بالعمالة، قائلا إن …)",
    "Q-ACT-OBJECT-FIRST": "right after a cue that takes an object or a proposition, a derived verbal noun without the "
                          "article or a verbal or proposition noun carrying its owner's pronoun (وأعلن اكتمال الاستعدادات، "
                          "وأعلن انسحابه من السباق) is the object and the subject is dropped, not a subject phrase",
    "Q-ATTRIB-OPENING-COMMA": "a sentence-opening attribution whose source phrase a comma closes before a clause of its "
                              "own reports that clause whatever its source's head (وبحسب بيانات المعرض، سجلت …؛ ووفقا "
                              "للسفير البريطاني في هولندا، كانت …); not evidence, a norm, ما, ذلك, nor an apposition, a "
                              "relative or فإن after the comma",
    "Q-VERBAL-NOUN-ASIDE": "a derived verbal noun after the speaker and only a time or the comma closing its apposition "
                           "opens the object, as right after it (أكد رومنيجه أمس الخميس التوصل لاتفاق؛ أكد تومسون، "
                           "الرئيس التنفيذي للشركة، ارتفاع الاستثمارات)",
    "S-NAMED": "the speaker phrase holds a name mention: its canonical name",
    "S-FULL-NAME": "a name mention that runs past the speaker phrase with name words only (… إبراهيم بن سليمان "
                   "| الخميس) gives its whole name, not the clipped part",
    "S-ORG-GENITIVE": "an organisation's name that the tagger found from the start of the speaker phrase goes on "
                      "over its لل genitive to the name's end (أعلن المجلس القومي | للأمومة والطفولة أن)",
    "S-ORG-COMPLEMENT": "a body's name that the tagger clipped goes on over its ل/لل complement (أعلن المجلس التنفيذي "
                        "| للصندوق أن، الاتحاد المصري | لكرة القدم، الكلية الملكية | للأطباء النفسيين), not over a medium or "
                        "people it was said to (قالت الوزارة | للصحفيين إن)",
    "S-OFFICE-BODY": "an indefinite person or source head without a name, or a definite plural one, goes on over في "
                     "and the body after it (الباحثون في جامعة روتغرز، عاملون في قسم الحجوزات): where they work; a "
                     "place after a definite title stays the verb's (الوزير في الرياض)",
    "S-MAKER-GENITIVE": "a speaker phrase that a document or an office opens goes on over its لل genitive (تقرير "
                        "| للجنة الاستشارية، استطلاع | للرأي، المتحدث الرسمي | للهيئة), not over a medium or people it "
                        "was said to (قال المتحدث | للصحفيين)",
    "S-FULLEST-BODY": "a body's name that opens a fuller name of the same article takes the fuller one as its canonical "
                      "name (المجلس القومي → المجلس القومي للطفولة والأمومة), unless two fuller names differ",
    "S-SOURCE-INSIDE": "an anonymous source goes on over داخل / لدى / ضمن and a name or definite word (مصادر داخل "
                       "الائتلاف الحكومي، مسؤول لدى الوزارة): where it sits; data: function_words.json "
                       "source_inside_prepositions",
    "S-BODY-PLACE": "a body's name goes on over في and the place named right after it (وزارة الصحة | في غزة، "
                    "اتحاد كرة القدم | في أوروغواي)",
    "S-OFFICE-PLACE": "an indefinite title or anonymous head without a name goes on over في/من and the body or "
                      "place named right after it (مسؤولة السياسة الخارجية | في الاتحاد الأوروبي، متحدث باسم القوات "
                      "الأمريكية | في أفغانستان; an anonymous head also over a body's head word the tagger left untagged: مصدر | في "
                      "قيادة عمليات الأنبار), and on to the name after that; a definite title stops (الوزير | في الرياض)",
    "S-ANONYMOUS-BA": "an anonymous source's بـ phrase that names a body or a place says where it works and goes on "
                      "with the speaker (قال مسؤول | بالشرطة الهندية، ذكر مصدر آخر | بالوزارة)",
    "S-VERBAL-NOUN-OBJECT": "after و/ف, a derived verbal noun right after a cue that reports nothing is its object, "
                            "never a subject that later dropped subjects refer to (ورفض الإفصاح عن تشكيلته، مؤكدا …: "
                            "the coach speaks, not الإفصاح); data: report_words.json verbal_noun_patterns",
    "S-SPAN-COMPLETE": "a subject complete by itself (البعض، الجميع، كثيرون) takes no noun as its complement: the "
                       "next word that is none of its adjectives starts the object (وانتقد البعض | الحملة); data: "
                       "name_words.json complete_subjects",
    "S-SPAN-PRONOUN": "an honorific pronoun subject (معاليه، سموه) is whole: the words after it are the verb's "
                      "adjuncts or object (وأدان معاليه | باسمه وباسم منسوبي المجلس الأعلى للقضاء); after a cue that "
                      "reported nothing it is a subject, not an object, and stands for the named speaker it refers to",
    "S-SPAN-VERB": "a bare word followed by a preposition carrying a pronoun is a verb with its complement, not more "
                   "of the speaker phrase (وفق بيان الجيش | جاء فيه أن)",
    "S-SPAN-PREFIXED": "a بـ/لـ word after a whole tagged person's name, or after a lone anonymous, media or document "
                       "head, is the verb's complement or addressee (دانا وايت | لشبكة CNN، أفادت تقارير | بإطلاق نار)",
    "S-ACCUSATIVE-NOT-SUBJECT": "a word in the indefinite accusative (كان مفاجئا، يعتبر لاذعا) is no subject: the subject is dropped",
    "S-CARRIED-PRONOUN-SOURCE": "a cue that reports only for a source (يعتقد، يرى) reports after لكنه / لكنها, whose pronoun is the speaker named before",
    "S-DOCUMENT-BODY-OWNER": "a document followed by لل and a body's head (أوضح بيان للوزارة) is the one body of the article named with that head (وزارة الداخلية)",
    "S-PHRASE": "the speaker phrase as written (no name in it, nothing earlier it refers to)",
    "S-PRONOUN": "a pronoun subject (هو، وهي) resolved to the last agreeing speaker",
    "S-DROPPED": "a dropped subject resolved to the last agreeing speaker or the name in its sentence",
    "S-MA-CLAUSE-AGENT": "the subject of a cue that reported nothing right after a ما conjunction (فيما أكد فادي إسماعيل "
                         "صحة الأنباء، وقال) is remembered for a later dropped subject, as after و",
    "S-ATTRIBUTED-SUBJECT": "the named subject of the verb opening an attribution's words (وفقا للكرملين، هنأ بوتين … وشدد) "
                            "is whom a later dropped subject means, not the attributed source",
    "S-SUBJECT-NOT-OBJECT": "a participle's dropped subject is the person right after its sentence's opening verb, not "
                            "the person that verb took as object (استقبل الملك سلمان الرئيس ميشال عون، مؤكدا أن …)",
    "S-OPENING-VERB": "a conjoined cue's dropped subject may be the name after an indefinite word that opens the sentence "
                      "before it without a conjunction, a verb (انتقل بوبي جيندال إلى المدينة. وقال …), not a title",
    "S-LONG-FRONTED-SUBJECT": "a subject set before its verb (وكان … قد قال، أما … فقد قال) may run past a plain phrase's "
                              "length, and hold a short quoted name, when it holds a person's or body's name (وكان أمين "
                              "العاصمة المقدسة ورئيس مجلس إدارة شركة البلد الأمين الدكتور أسامة بن فضل البار قد)",
    "S-TOPIC-FAQAD": "after أما, a topic followed by فقد and a cue is its subject, as before a ف-verb (أما وزير الخارجية "
                     "فقد قال إن …)",
    "S-FRONTED-PLUPERFECT": "a subject set before كان قد and a cue (يذكر أن الحزب الحاكم في الصين كان قد أعلن): the "
                            "phrase before كان speaks, read as a subject right before its verb",
    "S-PLUPERFECT-DESCRIBER": "a describing verb after كان … قد (وكانت صحيفة «وول ستريت جورنال» قد وصفت في مقال "
                              "المشروع بأنه فاشل): the subject before قد speaks, as for other cues",
    "S-NAME-THROUGH-STOP": "a subject before its verb reads on through a word that would end it (للجوازات، في) when the "
                           "tagger put that word inside a name running to the verb (يذكر أن المديرية العامة للجوازات أعلنت)",
    "S-KANA-VERB": "كان, a source and a past cue without قد (وكان التحالف العسكري في اليمن أعلن، وكانت مصادر في الجيش "
                   "اليمني، كشفت): the source between كان and the verb speaks, as before قد",
    "S-OWNED-STATEMENT": "a speaker phrase that is a statement noun with its owner's pronoun (وعن تصريحه الذي قال فيه، "
                         "كلمتها، تغريدتها) is that owner: the last agreeing speaker; data: cues.json statement_frames",
    "S-APPOSED-ANTECEDENT": "a relative clause that reports after a person's title set off by commas refers to the person "
                            "named before the title (مثل بن ليبرتون، الخبير في علوم الأحياء الدقيقة، الذي يحذر من أن)",
    "S-GOVERNED-NAME": "a name after a preposition or a ل/ب-prefixed word (with its titles: التعازي لخادم الحرمين "
                       "الشريفين الملك سلمان، مؤكدا), or inside brackets, is a complement or an aside: a participle's "
                       "dropped subject is not it",
    "S-OPENING-SUBJECT": "a dropped subject with nobody speaking before is the person, body or country that opens its sentence (or the sentence before): مارك زوكربيرغ يعتذر.. ويؤكد أن; سويسرا تأسف للعقوبات وتحث",
    "S-HONORIFIC-PRONOUN": "an honorific pronoun (وقال سموه، وأضاف معاليه) with nobody speaking before it is the last "
                           "person named with one of its titles (الأمير، معالي الوزير); data: name_words.json "
                           "honorific_pronoun_titles",
    "S-LATTER": "الأخير / الأخيرة resolved to the person named last",
    "S-SAME-SOURCE": "a source head with a word of sameness (وأضاف المصدر نفسه، نفس المصدر، المنظمة ذاتها) is the source "
                     "that spoke before: the last speaker for an anonymous head, else the last one the head names",
    "S-REFERS-BACK": "a short or descriptive phrase (المصادر، كيري) resolved to an earlier speaker it names",
    "S-OWN-OBJECT": "after و/ف, a noun with a possessive pronoun right after a verb that takes an object or "
                    "addressee is that object, and the subject is dropped (واتهم خصومه بالعمالة، وأبلغ نظيره أن)",
    "S-AGENT-OBJECT": "the subject of a verb that reports nothing (كتبت الممثلة تغريدة، ونشرت المنظمة بيانا) ends where "
                      "its object starts, so a later dropped subject refers to the subject alone",
    "S-OBLIQUE-OBJECT": "right after a verb, a definite sound masculine plural or dual in the oblique case (ودعت "
                        "المقاطعين إلى، حذرت المواطنين من، طالب اللاعبين ب) is its object: the subject is dropped",
    "S-ADJUNCT-BEFORE-VERB": "words before a verb that end on a bare demonstrative (ولتوضيح هذا | قال كومار) or open "
                             "with a ل-prefixed word that names no one (ولتجنب هذه المخاطر | نصح الباحثون: a purpose "
                             "adjunct) are no subject: the subject follows the verb or is dropped",
    "S-COMMA-SUBJECT": "a name set off by a comma right before its verb, opening its clause (لكن الرئيس الأمريكي "
                       "دونالد ترامب، أعلن …) is the verb's subject",
    "S-APPOSED-AFTER-COMPLEMENT": "a title whose phrase stops at a preposition goes on over its complement to the "
                                  "name apposed after it (وأوضح رئيس الفريق الهندسي في اللواء الخامس، الملازم سلطان "
                                  "شمسان، أن)",
    "S-PARTICIPLE-COMPLEMENT": "a participle in the speaker phrase goes on over the preposition it governs and its "
                               "object (أفادت التقارير الواردة من سوريا، قال مسؤول في القوات الموالية للحكومة); data: "
                               "name_words.json governing_participles",
    "S-NEGATED-ADJECTIVE": "غير before an indefinite adjective keeps the speaker phrase going (أشارت أرقام غير رسمية، "
                           "طالبت أربع منظمات غير حكومية); data: name_words.json adjective_negators",
    "S-PREPOSITIONAL-ADJUNCT": "right after a verb, a بـ word written with ة (أوضح بتغريدة له، أشار بكلمة افتتاحية) or a "
                               "لـ word carrying a possessive pronoun (قال لزملائه، أضاف لمحبيه) is no subject: the subject "
                               "is dropped; not a name the tagger found",
    "S-PARTITIVE-SOURCE": "a quantity's من phrase is part of the speaker it counts (وقال عدد من المسؤولين، ورأت واحدة "
                          "من الزبائن); data: report_words.json partitive_heads",
    "S-APPOSED-NAME": "a person's name apposed between commas after a title is part of the speaker (قال وزير "
                      "الخارجية الأمريكي، مايك بومبيو، إن), also when the tagger marked only the surname "
                      "(المرشد الإيراني، علي خامنئي، أنه)",
    "S-APPOSED-RANK": "for S-APPOSED-NAME, definite words before the apposed person's name are his rank or honorific "
                      "(قال المتحدث باسم المقاومة الوطنية، العقيد الركن صادق دويد، إن; الكاردينال، الكابتن)",
    "S-DESCRIPTION-MENTION": "a mention that is only a definite head noun and adjectives (الصحيفة الإسبانية tagged "
                             "as a name) resolves to the earlier named speaker it describes (صحيفة «سوبرديبورتي» "
                             "الإسبانية)",
    "S-DESCRIPTION-HEAD": "for S-DESCRIPTION-MENTION, a tagged description with an adjective that is no nisba "
                          "(المنظمة الحقوقية، الشركة الأمريكية العملاقة) that names no earlier speaker whole is the "
                          "nearest earlier named body that spoke with its head (منظمة العفو الدولية، شركة \"أبل\"), "
                          "when its nisbas fit that body's; not a nisba-only name (الجيش الإسرائيلي)",
    "S-TITLE-SYNONYM": "title words that name the same office match each other when a description is resolved to "
                       "a name (المتحدث باسم القوات = الناطق باسم القوات، العاهل = الملك); data: name_words.json "
                       "title_synonyms",
    "S-QUOTED-NAME": "a quoted name right after an organisation or media head (صحيفة \"زمان\" التركية، لمؤسسة \"جي أي "
                     "أم\"، وكالة «رويترز») is an ORG name when no PER/ORG mention covers it, and its head is one of "
                     "its title words (a later الصحيفة / المؤسسة resolves to it); data: cues.json speaker_heads",
    "S-NAMED-AFTER": "a person's title without a name whose words go on, with nobody else speaking between, in a "
                     "continuing cue (وأضاف، وتابع) with a person's name the article had not named before is that person "
                     "(أعلن وزير الدفاع الصومالي … وأضاف الجنرال عبدالقادر ديني)",
    "S-NAMED-AFTER-TITLE": "S-NAMED-AFTER also after any cue, for any description of one person, when the titles the "
                           "article gives the named speaker hold the description's head and its nisba fits them (قالت "
                           "قاضية اتحادية بلجيكية … وقالت القاضية ونكه روغين)",
    "S-NAMED-AROUND": "a person's title without a name whose words come between two quotes of the same named person, "
                      "nobody else named between (قال رونار … وأضاف مدرب المنتخب المغربي … وتابع رونار), is that person, "
                      "when its nisba fits his titles and its gender his",
    "S-APPOSED-TITLES": "after a title, a second title set off by commas and then a person's name closed by a comma or "
                        "the complementiser are all the speaker (قال رئيس الوزراء العراقي، القائد العام للقوات المسلحة، "
                        "حيدر العبادي، إن)",
    "S-MANNER-ADVERB": "an accusative adjective of manner after the speaker (قال بومبيو مازحا، يؤكد فاولر ساخرا) says how it "
                       "spoke and is no part of its phrase or name, even when the tagger took it in; data: clause_words.json "
                       "manner_adverbs",
    "S-QUOTED-SUBJECT": "a short quotation between a verb and its that-clause (وتقول \"فلاور\" إنها، قال «الصحة» إن) is the "
                        "name of who speaks, even when the tagger found no name in it",
    "S-TITLE-NAME": "a definite description without a name (الوزير، الرئيس الأمريكي، المنظمة، الدراسة، المتحدث) resolved to "
                    "the name the article gives it: the nearest earlier (else the first later) name whose title "
                    "words, before it or apposed after it, hold every word of the description",
    "S-DOCUMENT-AUTHOR": "a document that speaks without a name (البيان، الدراسة، التقرير) is its maker as the "
                         "article names it at a place of that document: the name right after it (بيان لوزارة الدفاع، "
                         "الدراسة التي أجريت في جامعة أوكسفورد) or the subject right before it (الاتحاد الألماني نفى في بيان، قال البيت الأبيض في بيانه)",
    "S-LOOSE-TITLE": "the subject of a cue that reported nothing, a person's description without a name (أصدر "
                     "اللاعب الفرنسي بيانا أعرب فيه), is resolved by S-TITLE-NAME / S-TITLE-HEAD before later dropped "
                     "subjects refer to it",
    "S-TITLE-OFFICE": "المسؤول with a nisba that no name's title holds (المسؤول الأمريكي) resolved to the one person "
                      "whose title names that country, whatever the office (الممثل الأمريكي للتجارة روبرت لايتزر); data: "
                      "name_words.json generic_office_heads, arabic/nisba.tsv",
    "S-ADVERBIAL-OPENING": "a cue that reported nothing after an adverbial phrase opening its clause (ومن جهتها أشادت "
                           "العنود الجديعي بالدور …) is a verb, and the name after it a subject a later dropped subject "
                           "may mean (ونوهت بالدور …); data: clause_words.json adverbial_heads",
    "S-LOOSE-APPOSITION": "the subject of a cue that reported nothing goes on over a comma to the person named right "
                          "after it (من جهته علق وزير الخارجية البحريني، الشيخ خالد بن أحمد على صفحته)",
    "S-ADVERB-CLAUSE": "a name right after the verb of a sentence that an adverb opens (كذلك أبدى غوتيريس تشاؤمه، "
                       "كما رسم) is that clause's subject, whom a later dropped subject may mean, as after واستعرض; "
                       "data: clause_words.json clause_adverbs",
    "S-AUXILIARY-VERB": "a verb of going on or starting before a present cue (ومضى يقول، وعاد الوزير يقول) is no "
                        "subject: the words after it are, or the dropped subject of the speaker before; data: "
                        "clause_words.json auxiliary_verbs",
    "S-ADDRESSEE-PRONOUN": "ل with a first or second person pronoun right after a cue verb (فقال لي إنها، وقالت لنا "
                           "الوزيرة) is whom it was said to, never the subject; data: function_words.json "
                           "addressee_pronouns",
    "S-HEAD-GENDER": "a body or medium that a cue without gender made a speaker (بحسب وزارة الصحة) is feminine when "
                     "its head ends with ة; when the last speaker, a body, disagrees with a dropped subject's verb, the "
                     "person named after it is that subject (… وزارة الصحة … المتحدث الدكتور خالد المرغلاني … وبيّن), "
                     "or, when it is an attribution set after what it reports, the person of that clause (وخرج "
                     "نافالني من السجن، بحسب وكالة \"فرانس برس\" … وقال)",
    "S-ADVERBIAL-VERB": "a bare word right after the comma that closes a sentence-opening adverbial of three words at "
                        "most (في المقابل، يحاول جوان أوسترلاند … ويرى) is a clause verb: the name after it is the subject "
                        "a later dropped subject means",
    "S-QAD-CLAUSE": "a past verb right after قد (فقد ندد الرئيس الجمهوري بول راين بالقرار، وقال; وقد نشر فريق غوغل) opens "
                    "a clause: the name after it is the subject a later dropped subject means",
    "S-PARTICLE-CLAUSE": "a verb right after a negator or a subordinating conjunction (ولم يعط بومبيو الكثير من "
                         "المعلومات، لكنه قال; فيما أعرب الأمير عن أمله) opens a clause: the name after it is the subject "
                         "a later dropped subject means; data: clause_words.json clause_particles",
    "S-TITLED-CLAUSE-SUBJECT": "a name after a clause-opening verb and a person's title words (وتدرس المستشارة "
                               "الألمانية أنجيلا ميركل الوضع، وقالت) is the subject a later dropped subject means, as a "
                               "name right after the verb is",
    "S-PARAGRAPH-SUBJECT": "a verb cue that opens its paragraph with a dropped subject goes back to the last name "
                           "after a clause-opening verb in the body paragraph before (وفي وقت لاحق، اعتذر برودبنت … ⏎ "
                           "وقال), when no speaker came after it",
    "S-KANA-PROGRESSIVE": "كان, a name and a present verb (وكانت كيلي تمتلك مزرعة … وقالت): the name is the subject a "
                          "later dropped subject means, as with كان X قد",
    "S-PLURAL-VERB": "a plural verb's dropped subject is never one named person: the last other speaker (قال المنظمون … "
                     "وقال ياكوب فال … وأضافوا → المنظمون), else none",
    "S-PLURAL-VERB-SENTENCE": "a plural verb's dropped subject is the plural subject of a verb in its own sentence, as a "
                              "plural participle's is, and a clause's plural subject counts: after a comma's first word "
                              "(وخلال الدراسة، فحص الباحثون … لكنهم قالوا) or before a plural verb (ولكن خبراء قللوا … كما استبعدوا)",
    "S-EPITHET": "a definite person head with only definite adjectives after it and no name (المدرب "
                 "الإسباني، اللاعبة الأمريكية، الفنان المصري) is an epithet of the last named person who spoke, "
                 "when no other person is named between them, the gender agrees and its nisba fits his titles; not a "
                 "group (العلماء، البعض), an office head (المسؤول الأمريكي) nor an anonymous source (المصدر التركي)",
    "S-NAME-CLOSES-SUBJECT": "a singular person's title without a name, cut short between the cue and what it reports, "
                             "goes on over title words (في / من / باسم, bodies, places, commas, quoted names) to the "
                             "person named right before the reported words (قال مسؤول إعلام الفرع الرابع عشر للحزب "
                             "الديمقراطي الكردستاني في الموصل، سعيد مموزيني: «…»); not over a verb, relative or other "
                             "preposition, nor to a governed name (يخشى المعارضون، وفقا للنائب طلعت خليل، أن)",
    "S-NAME-CLOSES-FIRST": "the name that closes a cut title's subject (S-NAME-CLOSES-SUBJECT) is taken before an "
                           "earlier speaker or a title's name the description would refer back to (وقال الرئيس التنفيذي "
                           "لمشروع \"نيوم\" كلاوس كلاينفيلد إن: not the chief executive who spoke before)",
    "S-EPITHET-HEAD": "S-EPITHET also for a definite noun for one person that is no office title (السياسي، المذيع، "
                      "الناشطة; data: name_words.json epithet_heads)",
    "S-EPITHET-CONSTRUCT": "S-EPITHET also for an indefinite person head in construct with a definite word "
                           "right after a cue that opens its sentence (وأضاف لاعب ساحل العاج; not في المقابل، قال مدير المدرسة)",
    "S-TITLE-PLACE": "a description that no name's title holds word for word is the name whose title names its place in "
                     "another form: a country after its office in construct or its nisba in either gender (رئيس كوريا "
                     "الجنوبية → الرئيس الكوري الجنوبي مون جيه إن، وزير خارجية البحرين → وزير الخارجية البحريني); data: "
                     "arabic/nisba.tsv",
    "S-TITLE-HEAD": "a head noun with adjectives that no name's title holds whole (الرئيس الإيطالي، المنظمة الحقوقية) "
                    "resolved to the one name of the article whose title holds the head noun and names no other "
                    "country than the description's nisba (رئيس الجمهورية سيرغو ماتاريلا); data: arabic/nisba.tsv",
    "S-SPAN-STATEMENT": "في / عبر / خلال before a statement noun (بيان، تغريدة، تصريح، مقابلة) ends the speaker phrase: "
                        "a name after it is another's (وقالت عائلتها في بيان نقلته وكيلة أعمالها غويندولين كوين; data: "
                        "cues.json statement_frames, function_words.json statement_prepositions)",
    "S-TITLE-OTHER-OFFICE": "for S-TITLE-HEAD, a person whose title has words of its own and none of the "
                            "description's names another office (وزير الإعلام، خورخي رودريغيز is not وزير الداخلية "
                            "الفنزويلي, the bare الوزير، نيستور ريفرول may be)",
    "Q-CONTINUATION-CLAUSE": "وأضاف / وتابع followed by words that name nobody (no tagged name; an indefinite first "
                             "word that is no listed head: وأضاف بلغ حجم الانخفاض …) and no complement: those words "
                             "are the speaker's own, going on, not a subject",
    "Q-DATA-FORM": "a present form kept out of the lexicon as mostly intransitive (تظهر، يظهر \"appears\") is the verb "
                   "of showing when data or a document is its subject right after it (وتظهر البيانات المفصلة أن، تُظهر "
                   "الدراسة الأخيرة أن); data: cues.json data_forms, data_subjects, speaker_heads document",
    "Q-MEASURED-OBJECT": "an estimating cue (قدر) takes a noun object only when the figure it is estimated at follows "
                         "in its sentence (قدرت فوربس ثروته بنحو 19.7 مليار دولار، قدر صندوق النقد النمو عند 1.0%); "
                         "without one it reports nothing (قدر الوزير جهود العاملين); data: cues.json measured_object, "
                         "report_words.json measure_openers",
    "Q-HEADLINE-PLACE-LEAD": "a place before a headline's colon (كندا: مستعدون لاستقبال اللاجئين) is the speaker when "
                             "the first sentence of the lead reports the state itself: a source opening with that place "
                             "(أعلنت المملكة العربية السعودية) or a state voice with its nisba (قالت الحكومة الكندية "
                             "إنها), unless the words after the colon hold a cue of their own; data: name_words.json "
                             "state_voices, nisba.tsv",
    "Q-HEADLINE-PLACE-VOICE": "a place before a headline's colon (تركيا: …) is the speaker when the words after the "
                              "colon say \"we\" (أهدافنا، معنا، لدينا), else the topic (سوريا: مقتل …); data: "
                              "function_words.json first_person_plural_words",
    "Q-HEADLINE-TOPIC-PLAIN": "Q-HEADLINE-TOPIC with words that are not in quotation marks (زيدان عن بيل: يعلم مكانته "
                              "جيدا في ريال مدريد، باميلا الكك للرجال: إذا كان فيك هذه الصفات …)",
    "Q-CALLED-NAME": "يدعى / تدعى written with ى and no complementiser after it (امرأة تدعى هيذر، ويدعى عصام جبار) is "
                     "\"is called\", no cue; data: name_words.json naming_verbs",
    "S-CALLED-NAME": "a speaker phrase followed by يدعى / تدعى / يسمى and a name (قال أحد المحتجين ويدعى عصام جبار) "
                     "is that name; data: name_words.json naming_verbs",
    "S-TITLE-COURTESY": "for S-TITLE-NAME, the courtesy words a description opens with (معالي الرئيس العام لشؤون المسجد "
                        "الحرام، سماحة المفتي) name no office and need not be in the name's title; data: name_words.json "
                        "courtesy_titles",
    "S-TITLE-DEPUTY": "a name whose title makes it a deputy or aide (نائب رئيس مجلس المحافظة فالح العيساوي) is not the "
                      "office a description without that word names (رئيس مجلس المحافظة); data: name_words.json deputy_titles",
    "S-TITLE-QUOTED": "a short quoted name inside a name's title (مؤسس موقع \"فيسبوك\"، مارك زوكربيرغ) is part of the "
                      "title a later description may name (مؤسس فيسبوك → مارك زوكربيرغ)",
    "S-HOST-CLAUSE": "a cue in the clause of an indefinite statement noun, pointed back to by فيه / فيها (وأصدرت الوزارة "
                     "بيانا قالت فيه إن، وألقى المهندس فرحان العنزي كلمة رحب فيها): the speaker is the subject of the verb "
                     "that opens the sentence, not the noun",
    "S-HOST-ISSUER": "a cue in the clause of a statement noun, pointed back to by فيه / فيها, beyond S-HOST-CLAUSE: the "
                     "noun's issuer speaks wherever it is named (after the relative verb that carries the noun's pronoun: في "
                     "بيان أصدرته الوزارة قالت فيه; after its ل or as its genitive name; as the subject of the clause whose "
                     "object the noun is, up to قد after كان, with adverbials and commas before the cue); after a cue that "
                     "takes an object the phrase after فيه is that object (اتهمت فيه النظام السوري); with no issuer named "
                     "the cue has no subject of its own (في خطاب ألقاه في واشنطن دافع فيه)",
    "S-OBJECT-NO-SOURCE": "after و/ف or a pronoun carrier, the words between a verb that takes an object and what it "
                          "reports right after them (not an object noun phrase) are that object when they open with a definite "
                          "word (before a quotation: a quantifier) and name no source (وطالب المجتمع الدولي بـ، ووصف أي طرح "
                          "سياسي «…»): the subject is dropped; data: function_words.json object_quantifiers",
    "S-OBJECT-FIRST": "a cue that reports nothing, with a preposition and pronoun or a function word right after it "
                      "(وتمنى له دوام النجاح، وطلبت ألا تتحدث), names no subject for a later dropped subject",
    "S-TITLE-MENTION": "a lone definite person title the tagger took for a name (الأسقف، القس) is a description "
                       "resolved to the name its title gives (S-TITLE-NAME), not a name of its own",
    "S-TIME-NAME": "a given name that is also a time of day (صباح، فجر) right after a person's title, followed by a "
                   "word that is no time, starts the name (رئيس مجلس محافظة الأنبار صباح كرحوت); data: name_words.json "
                   "time_names",
    "S-FRONTED-COMPLEMENT": "a source's phrase opening its clause goes on over a prepositional complement up to its "
                            "verb (إلا أن مصادر في المقاومة الشعبية بعدن أكدت، لكن مصادر بالسوق أشارت): it is the subject",
    "S-CLAUSE-DESCRIPTION": "a conjoined cue's dropped subject is a source's description without a name that opens "
                            "its sentence as the subject of an earlier verb (لكن السلطات المصرية دافعت عن القانون وقالت، "
                            "لكن ناشطين محليين تعرفوا إلى السيدة وقالوا), when it agrees with the cue",
    "S-PARTICIPLE-CLAUSE": "a participle's dropped subject is the subject of a clause-opening verb in its own sentence "
                           "(ودافع الحزب عن سياسة الجمعية، قائلا), not the last speaker of an earlier sentence",
    "S-RELATIVE-ASIDE": "a relative clause set off by commas between a subject and its verb is skipped: the subject is "
                        "the name or source before it (البروفيسور أرون روث، الذي يدرس علوم المعلومات، أكد أن)",
    "S-BRACKETED-ACRONYM": "a short bracketed acronym or name inside a subject before its verb (لكن متحدثا باسم "
                           "اتحاد الصناعة البريطاني (CBI) قال إن) is part of it, so the subject is read, not dropped",
    "S-PLUPERFECT-CLAUSE": "a name between كان and قد (وكان كريستوفر وايلي، قد فجر مفاجأة …، وقال إن) is the subject "
                           "of that act, whom a later dropped subject in its paragraph means",
    "S-RELAYED-PRONOUN": "a relaying verb whose source is a pronoun on its preposition (نقلت وكالة رويترز عنه قوله، "
                         "أوردت الوكالة عنها أن) reports the words of the person the pronoun means, found as a dropped "
                         "subject that agrees with it, not the agency's",
    "S-COMMA-ASIDE": "a short aside between commas (an apposition or adverbial) between a name that opens its clause and "
                     "the verb (طارق العريان، زوج أصالة، كان أعلن؛ ماكرون، من جهته، أكد) leaves the name the subject",
    "S-APPOSED-DESCRIPTION": "a name after a comma that follows a description opening its clause, then a comma and the "
                             "verb (وكانت النائبة في الكنيست الإسرائيلي، تمار زندبيرج، صرحت بأن) is the verb's subject",
    "S-ADVERB-BEFORE-VERB": "one untagged word that is no source head before a verb whose subject after it names a "
                            "source (ميدانيا أعلن مصدر أمني) is an adverb: the phrase after the verb speaks",
    "B-NESTED-STRAIGHT-MARKS": "straight quotation marks read by their side (after a space and before a letter "
                               "opens, after a word and before a space closes) nest a quotation inside another "
                               "(\"يسلط الإصدار الثالث لـ \"مؤشر ماستركارد\" الضوء\") when that closes every one of them",
    "B-REVERSED-GUILLEMET": "an opening guillemet or curly mark typed again while one is open, with no word right after "
                            "it, closes the quotation («تنظيم داعش ليس مجرد عصابة « لهذا)",
    "B-UNCLOSED-NARRATION": "a quotation mark left unclosed ends at the first sentence end after which the narrator's "
                            "next sentence opens with (و) a third-person past cue verb (. وأشار رونالدو إلى، . من "
                            "جانبه أوضح المدير), not at the paragraph end",
    "B-COLON-BRACKET": "brackets opened right after a colon and closed in the paragraph quote the words between them "
                       "as quotation marks do (قال تعالى: {…}، العرب تقول: (شر البليّة ما يُضحك)), when they hold two "
                       "words or more and no word of the sentence follows them",
    "B-STRAY-STRAIGHT-MARK": "a straight quotation mark with none open that can only close (right after a word "
                             "and right before a punctuation mark: أين العقل؟\".) opens nothing",
    "B-CONSEQUENCE-AFTER-MARK": "an unquoted content ends at the closing mark of a quotation followed by a comma and ما / "
                                "مما (…\"لن تزيد على 3 أسابيع\"، ما يشير إلى أنه …): the narrator's note on what the "
                                "quoted words mean or cause",
    "B-QUOTED-COMPLEMENT-ENDS": "a that-clause quoted whole (أضاف أن \"…\") ends at its closing mark before a comma and "
                                "a verb-first clause (، وثمن الرسائل; ، لينشر; ، كما أنه): the narrator's next clause",
    "B-STOPPER-AFTER-MARK": "a two-word clause stopper right after a closing quotation mark or bracket (…ب\"هذا الموقف\" "
                            "في إشارة إلى) ends an unquoted content as after a comma; data: clause_words.json "
                            "clause_stopper_pairs",
    "S-SPOKESPERSON-BODY": "an unnamed spokesperson speaks for the body the title names (متحدث باسم وزارة العدل → وزارة "
                           "العدل; المتحدث باسم الشرطة → the police named earlier); data: name_words.json office_heads, not the generic ones",
    "S-GOVERNMENT-STATE": "a government or its authorities with a country's nisba (الحكومة الكندية، السلطات التركية) "
                          "speak for that country: the canonical name is the country as the article names it; data: "
                          "name_words.json state_governments",
    "S-NEARER-BODY": "a body's head alone (الشركة) that would refer back to an earlier speaker means the body named "
                     "with that head between them (ما خسرته شركة إم تي جوكس، حين قالت الشركة)",
    "Q-QUOTATION-IN-SOURCE": "a short quotation inside the speaker's phrase, followed by plain words and the cue's "
                             "complementiser or a colon (ذكرت محطة \"سي.إن.بي.سي\" اليوم أن): a name, the words come after",
    "Q-SHORT-QUOTE": "a quotation of one to three words after a plain saying cue and its speaker (قال بوتين \"الخيانة\"، "
                     "مضيفة \"أحب بلدي\"), closed by the sentence, a comma or a cue, is speech and not a quoted name; "
                     "data: report_words.json short_quote_lemmas",
    "Q-TIME-RELATIVE": "a cue verb after a time noun and a relative pronoun ((في) الوقت الذي دعا فيه الرئيس إلى، "
                       "اليوم الذي قال فيه الوزير إن) reports with its own subject after the verb, also with a "
                       "preposition, and ends the words before it; data: time_words.json time_antecedents",
    "Q-ADVERBIAL-CLAUSE": "a cue verb after an adverbial phrase that opens its clause with و and a preposition or "
                          "adverbial head (، وفي هذا الصدد أكد الملك، ومن جهته أكد) opens a report of its own: the "
                          "words before end at the phrase",
    "S-SIDE-ADVERB": "من جهته / من جانبه between a verb and a named or source subject (ورأى من جهته بيل فريليك أن) "
                     "is skipped: the subject after it speaks; data: clause_words.json adverbial_heads",
    "S-PLUPERFECT-OBJECT": "كان, a subject and قد before a cue with a noun phrase after it (وكان ترامب قد اتهم الصين "
                           "بسرقة): the subject before قد speaks and the phrase after the verb is its object",
    "S-QUOTED-APPOSITION": "an organisation's name in quotation marks right after a body's description the tagger "
                           "took as a name of its own (وكالة التصنيف الائتماني \"ستاندرد آند بورز\") is part of the "
                           "speaker and names it",
    "S-SPAN-MEDIUM": "a medium glued to its ل after the speaker or right after a verb cue (الشرطة لبي بي سي، شارما "
                     "لبي بي سي، مسؤول محلي لوكالة فرانس برس، وأوضحت لبي بي سي أن), tagged or not, is whom the words "
                     "were said to, not part of the speaker nor a name it titles; data: cues.json speaker_heads media",
    "S-NAME-TAIL": "one untagged word right after a tagged person's name, ending the subject before a comma, colon, "
                   "quotation mark or إن, is the name's last word the tagger cut, not the verb's object (وقال جرهارد إك، "
                   "ردا على …؛ وتقول ريبيكا فانين، أحد مؤسسي المنتدى، إن): the speaker and its name run on over it",
    "S-NAME-PARTICLE": "a tagged person's last word that looks like a preposition (أحمد علي) is the name when nothing "
                       "after it can be its object: a mark, a complementiser, a preposition or a cue (وأكد أحمد علي في "
                       "تصريح أن)",
    "S-TITLE-ADDRESSEE": "a name's title words stop at a free-standing ل or مع before it (الوشاحي لـ«الشرق الأوسط»، "
                         "الجيدة في مقابلة مع تلفزيون بلومبيرغ): who speaks to or with a name is no title of it; data: "
                         "function_words.json addressee_prepositions",
    "S-LOOSE-SOURCE": "the words after a verb that reported nothing are a subject a later dropped subject may "
                      "refer to only when they name a source (وشرح جهود المركز: جهود is the verb's object)",
    "S-TITLE-VERB": "a name's title words stop at a present-tense verb before it (أسقف يعتذر للمغنية أريانا غراندي: أسقف "
                    "is no title of hers), so a description no longer finds the wrong name",
    "S-CONSTRUCT-SOURCE": "a singular source head in construct with a definite word (طبيب المنتخب البرازيلي، محامي "
                          "المتهمين) is one person of that body: the body is no speaker, and the description may take the "
                          "name its title gives (S-TITLE-NAME / S-TITLE-HEAD)",
    "S-TITLE-COMPLEMENT": "S-TITLE-HEAD for a head with genitive words (محامي المتهمين، مدير إدارة شؤون المباني): the name "
                          "whose title is that head alone, holds every one of those words, or all but one (two at "
                          "least); one whose title holds them all is preferred to a bare title (وزير الإعلام الفنزويلي → "
                          "وزير الإعلام، خورخي رودريغيز, not الوزير، نيستور ريفرول)",
    "S-SOURCE-MEDIUM": "a bare source head (المصدر) that names no earlier source is the medium that spoke last (قالت "
                       "صحيفة \"لوموند\" إن … وأوضح المصدر أن → لوموند); data: function_words.json medium_source_heads",
    "S-COMPLEMENT-TO-WORDS": "a speaker phrase after its verb goes on over the complement left between it and the words it "
                             "reports (a that-clause, a colon, a quotation): a preposition or glued ل / ب and the definite "
                             "words or names it governs (وقال علماء من جامعة كوينزلاند | للتكنولوجيا إن، أكد مسؤول | "
                             "بالبحرية الأمريكية أن); not a time, a statement, an act, an addressee (للصحفيين) nor a person's "
                             "name, and after a definite head في only for a body before a name (وزارة الصحة في غزة; الوزير | في "
                             "الرياض stays); data: name_words.json complement_prepositions",
    "S-TITLE-RANKED-APPOSITION": "a name set off from its title by a comma and rank words (وزير الخارجية البحريني، الشيخ "
                                 "خالد بن أحمد) has that title, as with a bare comma, for a later description to find",
}

DISABLED_RULES: set[str] = set()  # ids of rules switched off (tests monkeypatch this)

METHOD_RULES = {
    "quote": "Q-QUOTE", "colon": "Q-COLON", "that": "Q-THAT", "prep": "Q-PREP", "obj": "Q-OBJ",
    "attribution": "Q-ATTRIB", "headline": "Q-HEADLINE",
    "closer": "Q-CLOSER", "back": "Q-BACK",
}


def rule_on(rule_id: str) -> bool:
    """Whether the rule ``rule_id`` (a key of ``RULES``) is switched on."""
    return rule_id not in DISABLED_RULES


def disabled_rules(*ids: str):
    """Run with the rules ``ids`` switched off (``with disabled_rules("S-TITLE-NAME"): …``).

    It changes ``DISABLED_RULES`` in place: the set every stage module consults.
    """
    return switched_off(RULES, DISABLED_RULES, ids, "quote")
