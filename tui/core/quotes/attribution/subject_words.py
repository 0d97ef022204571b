"""General word classes for the subject guess: articles, states, nationalities."""

from __future__ import annotations

# abbreviations of the US states as written in news copy (AP style) and postal codes
STATE_ABBREVS = {
    "Ala",
    "Alaska",
    "Ariz",
    "Ark",
    "Calif",
    "Colo",
    "Conn",
    "Del",
    "Fla",
    "Ga",
    "Hawaii",
    "Idaho",
    "Ill",
    "Ind",
    "Iowa",
    "Kan",
    "Kans",
    "Ky",
    "La",
    "Maine",
    "Md",
    "Mass",
    "Mich",
    "Minn",
    "Miss",
    "Mo",
    "Mont",
    "Neb",
    "Nev",
    "N.H",
    "N.J",
    "N.M",
    "N.Y",
    "N.C",
    "N.D",
    "Ohio",
    "Okla",
    "Ore",
    "Pa",
    "R.I",
    "S.C",
    "S.D",
    "Tenn",
    "Tex",
    "Texas",
    "Utah",
    "Vt",
    "Va",
    "Wash",
    "W.Va",
    "Wis",
    "Wyo",
    "D.C",
}

# nationality and regional adjectives (and the two US party adjectives)
DEMONYMS = set(
    "Afghan African Albanian Algerian American Arab Arabian Argentine Argentinian Armenian "
    "Asian Australian Austrian Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian "
    "Bosnian Brazilian British Bulgarian Burmese Cambodian Cameroonian Canadian Caribbean "
    "Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian "
    "Egyptian Emirati English Eritrean Estonian Ethiopian European Filipino Finnish French "
    "Georgian German Ghanaian Greek Guatemalan Haitian Honduran Hungarian Icelandic Indian "
    "Indonesian Iranian Iraqi Irish Israeli Italian Jamaican Japanese Jordanian Kazakh Kenyan "
    "Korean Kosovar Kurdish Kuwaiti Kyrgyz Laotian Latvian Lebanese Libyan Lithuanian "
    "Malaysian Maltese Mexican Moldovan Mongolian Moroccan Nepalese Nicaraguan Nigerian "
    "Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Persian Peruvian Polish "
    "Portuguese Qatari Romanian Russian Rwandan Salvadoran Saudi Scottish Senegalese Serbian "
    "Singaporean Slovak Slovenian Somali Spanish Sudanese Swedish Swiss Syrian Taiwanese "
    "Tajik Tanzanian Thai Tibetan Tunisian Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek "
    "Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean Soviet Western Eastern Northern "
    "Southern Latin Hispanic Republican Democratic".split()
)

# articles and quantifiers that open a noun phrase but name no one alone
ARTICLES = {
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "another",
    "some",
    "many",
    "several",
    "most",
    "other",
    "both",
    "one",
    "any",
    "each",
    "every",
}
