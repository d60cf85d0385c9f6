"""Texts and facts for `load_demo_content`.

The news and events of the original website keep their real dates and places; all texts are
written anew. The programme areas are real "Soziale Stadt" areas of NRW member municipalities;
coordinates, years and key figures are rounded approximations for demonstration, and every
contact person is fictional (addresses under example.org).
"""

import datetime

TOPICS = ["Beteiligung", "Integration", "Familie", "Wohnen", "Grün", "Bildung", "Mobilität", "Lokale Ökonomie"]

HOME = {
    "title": "Städtenetz Soziale Stadt NRW",
    "seo_title": "Die Soziale Stadt gemeinsam gestalten",
    "slug": "start",
    "teaser": "Das Netzwerk der nordrhein-westfälischen Kommunen im Programm Soziale Stadt: Austausch, "
    "Wissen und Impulse für die Entwicklung benachteiligter Stadtteile.",
    "intro": (
        "<p>Im Städtenetz Soziale Stadt NRW arbeiten Städte und Gemeinden zusammen, die mit dem "
        "Städtebauförderungsprogramm „Soziale Stadt“ Quartiere stärken – oder eine Aufnahme gerade vorbereiten. "
        "Wir bringen Fachleute aus Stadtplanung, Sozialarbeit, Wirtschaftsförderung und Verwaltung zusammen, "
        "damit gute Ideen nicht an der Stadtgrenze enden.</p>"
        "<p>Hier finden Sie Meldungen aus dem Netzwerk, Termine für Fachleute und Interessierte und für jedes "
        "Programmgebiet unserer Mitgliedskommunen ein Stadtteilprofil – von der Ausgangslage bis zu den "
        "Ansprechpersonen vor Ort.</p>"
    ),
}

NEWS_INDEX = {
    "title": "Aktuelles",
    "slug": "aktuelles",
    "teaser": "Meldungen aus dem Städtenetz, den Mitgliedskommunen und der Förderlandschaft.",
    "intro": "<p>Neuigkeiten aus dem Netzwerk, aus den Programmgebieten und zu Förderprogrammen von Land und "
    "Bund. Alle Meldungen gibt es auch als RSS-Feed.</p>",
}

EVENT_INDEX = {
    "title": "Veranstaltungen",
    "slug": "veranstaltungen",
    "teaser": "Tagungen, Seminare und Werkstätten rund um integrierte Stadtteilentwicklung.",
    "intro": "<p>Veranstaltungshinweise für alle, die in der Stadtteilentwicklung arbeiten oder sich dafür "
    "interessieren. Jeden Termin können Sie in Ihren Kalender übernehmen.</p>",
}

PROFILE_INDEX = {
    "title": "Stadtteilprofile",
    "slug": "stadtteilprofile",
    "teaser": "Alle Programmgebiete der Mitgliedskommunen auf einer Karte – laufende und abgeschlossene.",
    "intro": (
        "<p>Viele Gebiete der Sozialen Stadt haben etwas gemeinsam: Sie sind in der Entwicklung ihrer Stadt "
        "zurückgefallen, und das zeigt sich an Häusern, Straßen und Plätzen ebenso wie an fehlenden "
        "Angeboten für Kinder, Jugendliche und Ältere. Zugleich bringt jedes Quartier eigene Stärken mit: "
        "engagierte Nachbarschaften, lokale Netzwerke, Grünflächen oder prägende Gebäude.</p>"
        "<p>Die meisten Gebiete liegen im Ruhrgebiet und entlang des Rheins, weitere in Groß- und "
        "Mittelstädten wie im Bergischen Land und in Ostwestfalen. Jedes Profil beschreibt Ausgangslage, "
        "Handlungsansätze, Partner, Meilensteine, Perspektiven, Ansprechpersonen und Materialien.</p>"
    ),
}

STANDARD_PAGES = [
    {
        "slug": "ueber-uns",
        "title": "Über uns",
        "teaser": "Wer im Städtenetz Soziale Stadt NRW mitarbeitet, was das Netzwerk leistet und wie Kommunen "
        "Mitglied werden.",
        "body": [
            ("heading", "Ein Netzwerk für die Stadtteilentwicklung"),
            (
                "paragraph",
                "<p>Im Städtenetz haben sich Kommunen aus Nordrhein-Westfalen zusammengeschlossen, die Quartiere "
                "mit dem Programm „Soziale Stadt“ – heute „Sozialer Zusammenhalt“ – erneuern. Mitglied sind "
                "Städte mit laufenden Programmgebieten ebenso wie Kommunen, die einen Antrag vorbereiten.</p>",
            ),
            ("heading", "Was wir tun"),
            (
                "paragraph",
                "<ul><li>Erfahrungsaustausch bei Netzwerktreffen und Exkursionen in die Programmgebiete</li>"
                "<li>Fachtagungen und Arbeitshilfen zu Beteiligung, Quartiersmanagement und Verstetigung</li>"
                "<li>Stadtteilprofile, die zeigen, was in den Gebieten erreicht wurde</li>"
                "<li>Ein gemeinsames Sprachrohr gegenüber Land, Bund und Politik</li></ul>",
            ),
            ("heading", "Mitglied werden"),
            (
                "paragraph",
                "<p>Kommunen, die sich an der Sozialen Stadt beteiligen oder eine Beteiligung planen, sind "
                "willkommen. Die Geschäftsstelle informiert gern über Beiträge und Mitwirkung.</p>",
            ),
        ],
    },
    {
        "slug": "impressum",
        "title": "Impressum",
        "teaser": "Anbieterkennzeichnung des Städtenetzes Soziale Stadt NRW.",
        "body": [
            ("heading", "Angaben gemäß § 5 DDG"),
            (
                "paragraph",
                "<p>Städtenetz Soziale Stadt NRW<br/>Geschäftsstelle<br/>Musterstraße 12<br/>44135 Dortmund</p>",
            ),
            ("heading", "Kontakt"),
            ("paragraph", "<p>Telefon: 0231 555 0100<br/>E-Mail: geschaeftsstelle@example.org</p>"),
            ("heading", "Verantwortlich für den Inhalt"),
            ("paragraph", "<p>Die Sprecherinnen und Sprecher des Städtenetzes, Anschrift wie oben.</p>"),
            ("heading", "Haftung für Links"),
            (
                "paragraph",
                "<p>Für die Inhalte verlinkter Seiten sind ausschließlich deren Betreiber verantwortlich. "
                "Rechtswidrige Inhalte waren zum Zeitpunkt der Verlinkung nicht erkennbar; bei Hinweisen "
                "entfernen wir entsprechende Links umgehend.</p>",
            ),
        ],
    },
    {
        "slug": "datenschutz",
        "title": "Datenschutz",
        "teaser": "Welche Daten beim Besuch dieser Website verarbeitet werden und welche Rechte Sie haben.",
        "body": [
            ("heading", "Verantwortliche Stelle"),
            (
                "paragraph",
                "<p>Verantwortlich ist die Geschäftsstelle des Städtenetzes Soziale Stadt NRW (siehe Impressum).</p>",
            ),
            ("heading", "Server-Protokolle"),
            (
                "paragraph",
                "<p>Beim Aufruf einer Seite speichert der Server vorübergehend Adresse, Zeitpunkt und abgerufene "
                "Datei, um den Betrieb zu sichern. Die Protokolle werden nach sieben Tagen gelöscht.</p>",
            ),
            ("heading", "Karten"),
            (
                "paragraph",
                "<p>Die Karte der Stadtteilprofile zeigt Kartenkacheln von OpenStreetMap. Diese Kacheln werden "
                "erst geladen, nachdem Sie der Anzeige der Karte zugestimmt haben; erst dann wird Ihre "
                "IP-Adresse an den Kartendienst übermittelt. Ohne Zustimmung sehen Sie die Liste der Gebiete.</p>",
            ),
            ("heading", "Eingebettete Videos"),
            (
                "paragraph",
                "<p>Videos anderer Anbieter werden ebenfalls erst nach Ihrer Zustimmung geladen.</p>",
            ),
            ("heading", "Cookies"),
            (
                "paragraph",
                "<p>Die öffentliche Website setzt keine Cookies zur Analyse oder Werbung. Ihre Zustimmung zur "
                "Karte wird nur in Ihrem Browser gespeichert.</p>",
            ),
            ("heading", "Ihre Rechte"),
            (
                "paragraph",
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung "
                "sowie ein Beschwerderecht bei der Landesbeauftragten für Datenschutz und Informationsfreiheit "
                "Nordrhein-Westfalen.</p>",
            ),
        ],
    },
]

SITE_SETTINGS = {
    "address": "Städtenetz Soziale Stadt NRW\nGeschäftsstelle\nMusterstraße 12\n44135 Dortmund",
    "contact_email": "geschaeftsstelle@example.org",
    "phone": "0231 555 0100",
    "footer_links": [
        ("Über uns", "ueber-uns", ""),
        ("Sozialer Zusammenhalt (Städtebauförderung des Bundes)", "", "https://www.staedtebaufoerderung.info/"),
        ("Ministerium für Heimat, Kommunales, Bau und Digitalisierung NRW", "", "https://www.mhkbd.nrw/"),
    ],
}

NETWORK_CONTACT = {
    "name": "Miriam Hoffmann",
    "role": "Leitung der Geschäftsstelle",
    "organisation": "Städtenetz Soziale Stadt NRW",
    "email": "geschaeftsstelle@example.org",
    "phone": "0231 555 0100",
}

# News: `date` is a real date (from the original website) or `days_ago` relative to the day the command runs.
NEWS = [
    {
        "slug": "esf-programm-aktif",
        "title": "ESF-Programm „Akti(F) – Aktiv für Familien und ihre Kinder“",
        "date": datetime.date(2019, 9, 12),
        "tags": ["Familie", "Integration"],
        "teaser": "Ein neues ESF-Programm unterstützt Familien mit Kindern, die auf Grundsicherung oder "
        "Sozialhilfe angewiesen sind, auf dem Weg aus der Armut.",
        "paragraphs": [
            "Familien, die von Armut und Ausgrenzung bedroht sind, stehen im Mittelpunkt von „Akti(F)“. "
            "Das Programm wird aus dem Europäischen Sozialfonds finanziert und richtet sich an Eltern mit "
            "Kindern unter 18 Jahren.",
            "Angesprochen sind Haushalte mit Leistungen nach dem SGB II oder dem SGB XII, auch wenn diese "
            "ein geringes Einkommen nur aufstocken, sowie Eltern mit Kinderzuschlag. Alleinerziehende und "
            "Menschen mit Behinderungen können gezielt einbezogen werden.",
            "Für die Programmgebiete der Sozialen Stadt ist das eine Chance: Quartiersbüros kennen die "
            "Familien vor Ort und können Angebote des Programms mit bestehenden Netzwerken verbinden.",
        ],
    },
    {
        "slug": "teilhabe-und-integrationsstrategie-2030",
        "title": "Teilhabe- und Integrationsstrategie 2030 des Landes NRW veröffentlicht",
        "date": datetime.date(2019, 9, 12),
        "tags": ["Integration", "Beteiligung"],
        "teaser": "Das Integrationsministerium des Landes setzt mit der Strategie 2030 den bisherigen Kurs "
        "der Integrationspolitik fort und baut ihn aus.",
        "paragraphs": [
            "Das Ministerium für Kinder, Familie, Flüchtlinge und Integration (MKFFI NRW) hat die Teilhabe- "
            "und Integrationsstrategie 2030 vorgelegt.",
            "Die Strategie versteht sich nicht als Neuanfang. Sie führt den Weg fort, den Nordrhein-Westfalen "
            "in der Integrationspolitik seit Jahren geht, und setzt sich dafür ehrgeizige Ziele.",
            "Viele Handlungsfelder der Strategie – Sprache, Bildung, Arbeit und Nachbarschaft – sind in den "
            "Quartieren der Sozialen Stadt seit langem Alltag. Das Städtenetz wird die Umsetzung begleiten.",
        ],
    },
    {
        "slug": "gemeinsam-klappts-teilhabemanagement",
        "title": "„Gemeinsam klappt’s“: Förderung von Teilhabemanagement vor Ort",
        "date": datetime.date(2019, 9, 5),
        "tags": ["Integration", "Bildung"],
        "teaser": "Die Landesinitiative öffnet jungen Geflüchteten zwischen 18 und 27 Jahren Wege in "
        "Qualifizierung, Ausbildung und Arbeit.",
        "paragraphs": [
            "Mit der Landesinitiative „Gemeinsam klappt’s“ fördert das MKFFI NRW Teilhabemanagerinnen und "
            "-manager in den Kommunen.",
            "Sie sollen jungen Geflüchteten im Alter von 18 bis 27 Jahren den Zugang zu Qualifizierung, "
            "Ausbildung und Arbeit erleichtern – insbesondere Menschen mit Duldung oder Aufenthaltsgestattung, "
            "die bisher kaum Angebote erreichen.",
            "Kommunen mit Programmgebieten können die neuen Stellen mit ihrem Quartiersmanagement verknüpfen.",
        ],
    },
    {
        "slug": "fruehjahrstreffen-in-gelsenkirchen",
        "title": "Netzwerktreffen in Gelsenkirchen: Quartiere voneinander lernen",
        "days_ago": 9,
        "tags": ["Beteiligung"],
        "teaser": "Rund 60 Fachleute aus 17 Kommunen tauschten sich in Gelsenkirchen über Verstetigung und "
        "Quartiersfonds aus.",
        "paragraphs": [
            "Beim Netzwerktreffen in Gelsenkirchen standen zwei Fragen im Mittelpunkt: Was bleibt, wenn die "
            "Förderung endet? Und wie gelingen kleine Projekte mit wenig Verwaltungsaufwand?",
            "Bei einem Rundgang durch Ückendorf zeigte das Quartiersteam, wie leer stehende Ladenlokale an "
            "der Bochumer Straße wieder genutzt werden.",
        ],
    },
    {
        "slug": "arbeitshilfe-verstetigung",
        "title": "Neue Arbeitshilfe: Quartiersarbeit auf Dauer sichern",
        "days_ago": 23,
        "document": "Arbeitshilfe: Quartiersarbeit auf Dauer sichern",
        "tags": ["Beteiligung", "Lokale Ökonomie"],
        "teaser": "Die Arbeitsgruppe Verstetigung hat ihre Erfahrungen in einer kompakten Arbeitshilfe "
        "zusammengefasst.",
        "paragraphs": [
            "Wie übergibt man ein Stadtteilbüro an einen Trägerverein? Welche Aufgaben übernehmen die "
            "Fachämter? Die neue Arbeitshilfe beantwortet solche Fragen anhand von Beispielen aus sechs "
            "Mitgliedskommunen.",
            "Die Arbeitshilfe steht Mitgliedern kostenlos zur Verfügung.",
        ],
    },
    {
        "slug": "programmaufruf-staedtebaufoerderung",
        "title": "Städtebauförderung: Programmaufruf für das kommende Jahr",
        "days_ago": 41,
        "tags": ["Wohnen", "Grün"],
        "teaser": "Das Land hat den Aufruf zur Städtebauförderung veröffentlicht; Kommunen können ihre "
        "Anträge vorbereiten.",
        "paragraphs": [
            "Mit dem jährlichen Programmaufruf beginnt für die Kommunen die Antragsphase. Gefördert werden "
            "wieder Maßnahmen im Programm „Sozialer Zusammenhalt“.",
            "Die Geschäftsstelle bietet eine Sprechstunde für Fragen zur Antragstellung an.",
        ],
    },
    {
        "slug": "quartiersfonds-kleine-projekte",
        "title": "Quartiersfonds: Kleine Beträge, große Wirkung",
        "days_ago": 58,
        "tags": ["Beteiligung", "Familie"],
        "teaser": "Eine Auswertung aus zwölf Programmgebieten zeigt, was Verfügungsfonds in der Nachbarschaft bewegen.",
        "paragraphs": [
            "Ob Hochbeete am Spielplatz, ein Sprachcafé oder ein Stadtteilfest: Über Quartiersfonds "
            "entscheiden Bewohnerinnen und Bewohner selbst, welche Ideen unterstützt werden.",
            "Die Auswertung zeigt, dass gerade kleine Projekte Menschen erreichen, die sich sonst nicht beteiligen.",
        ],
    },
    {
        "slug": "marxloh-gruenguertel-nord",
        "title": "Duisburg-Marxloh: Der Grüngürtel Nord wächst weiter",
        "days_ago": 77,
        "tags": ["Grün", "Wohnen"],
        "teaser": "Zwischen Wohnquartier und Industrie entsteht ein weiterer Abschnitt des Parks.",
        "paragraphs": [
            "Der Grüngürtel trennt Wohnhäuser und Stahlwerk und schafft zugleich Platz für Sport und Spiel. "
            "Im neuen Abschnitt entstehen Wege, Baumreihen und ein Bolzplatz.",
            "Bei der Planung haben Kinder aus zwei Grundschulen ihre Wünsche eingebracht.",
        ],
    },
    {
        "slug": "hochfeld-rheinpark-spielbereich",
        "title": "Duisburg-Hochfeld: Neuer Spielbereich im Rheinpark",
        "days_ago": 96,
        "tags": ["Grün", "Familie"],
        "teaser": "Auf dem ehemaligen Industrieareal am Rhein ist ein Spielbereich für alle Altersgruppen "
        "eröffnet worden.",
        "paragraphs": [
            "Der Rheinpark verbindet Hochfeld wieder mit dem Fluss. Der neue Spielbereich wurde gemeinsam mit "
            "Familien aus dem Stadtteil geplant.",
        ],
    },
    {
        "slug": "sennestadt-buergerwerkstatt",
        "title": "Bielefeld-Sennestadt: Bürgerwerkstatt zur Zukunft des Zentrums",
        "days_ago": 118,
        "tags": ["Beteiligung", "Lokale Ökonomie"],
        "teaser": "Rund 150 Menschen diskutierten, wie das Sennestadtzentrum lebendiger werden kann.",
        "paragraphs": [
            "Die Sennestadt wurde in den 1950er-Jahren als Ganzes geplant. Heute steht das Zentrum vor neuen "
            "Aufgaben: Läden stehen leer, Wege sind nicht barrierefrei.",
            "Die Ergebnisse der Werkstatt fließen in das fortgeschriebene Handlungskonzept ein.",
        ],
    },
    {
        "slug": "mehrsprachige-beteiligung-workshops",
        "title": "Workshop-Reihe „Mehrsprachig beteiligen“ gestartet",
        "days_ago": 140,
        "tags": ["Beteiligung", "Integration"],
        "teaser": "Vier Workshops zeigen, wie Beteiligung gelingt, wenn im Quartier viele Sprachen gesprochen werden.",
        "paragraphs": [
            "Sprachmittlerinnen, Bildsprache und kurze Wege: Die Reihe sammelt Methoden aus der Praxis und "
            "erprobt sie gemeinsam.",
        ],
    },
    {
        "slug": "nordstadt-fest-am-nordmarkt",
        "title": "Dortmunder Nordstadt: Nachbarschaftsfest am Nordmarkt",
        "days_ago": 163,
        "tags": ["Integration", "Familie"],
        "teaser": "Mehr als 40 Vereine und Initiativen stellten sich beim Fest am Nordmarkt vor.",
        "paragraphs": [
            "Musik aus vielen Ländern, Mitmachaktionen für Kinder und Informationsstände: Das Fest zeigte die "
            "Vielfalt der Nordstadt.",
        ],
    },
    {
        "slug": "schulen-als-ankerpunkte",
        "title": "Fachtagung dokumentiert: Schulen als Ankerpunkte im Quartier",
        "days_ago": 190,
        "tags": ["Bildung", "Familie"],
        "teaser": "Die Dokumentation der Fachtagung zu Schulen im Stadtteil liegt vor.",
        "paragraphs": [
            "Familienzentren an Grundschulen, offene Schulhöfe und Bildungsbüros: Die Tagung hat gezeigt, wie "
            "Schulen zu Treffpunkten für das ganze Quartier werden.",
        ],
    },
    {
        "slug": "nordbahntrasse-oberbarmen",
        "title": "Wuppertal: Die Nordbahntrasse verbindet Quartiere",
        "days_ago": 221,
        "tags": ["Mobilität", "Grün"],
        "teaser": "Der Rad- und Fußweg auf der alten Bahnstrecke ist für Oberbarmen und Wichlinghausen "
        "zur Lebensader geworden.",
        "paragraphs": [
            "Wo früher Züge fuhren, sind heute Menschen zu Fuß, mit dem Rad und auf Inlinern unterwegs. "
            "Die Trasse bringt Besucherinnen und Besucher in die Quartiere und verbindet Schulen und Parks.",
        ],
    },
    {
        "slug": "neue-mitgliedskommune",
        "title": "Das Städtenetz wächst: Castrop-Rauxel ist dabei",
        "days_ago": 250,
        "tags": ["Beteiligung"],
        "teaser": "Mit Castrop-Rauxel ist eine weitere Kommune aus dem Kreis Recklinghausen Mitglied geworden.",
        "paragraphs": [
            "Castrop-Rauxel bringt Erfahrungen aus Habinghorst in das Netzwerk ein, wo das Quartier am "
            "Rhein-Herne-Kanal erneuert wird.",
        ],
    },
]

# Events: `start`/`end` are real dates or `in_days` relative to the day the command runs (negative: past).
EVENTS = [
    {
        "slug": "bundeskonferenz-gemeinwesenarbeit-2019",
        "title": "Bundeskonferenz „Gemeinwesenarbeit in der Sozialen Stadt“ und Bundeskongress „Mehr Quartier "
        "für alle – 20 Jahre Soziale Stadt“",
        "date": datetime.date(2019, 11, 25),
        "all_day": True,
        "venue": "REFUGIO Berlin",
        "street_address": "Lenaustraße 3–4",
        "postal_code": "12047",
        "city": "Berlin",
        "location": (52.4877, 13.4260),
        "organiser": "Bundesministerium des Innern, für Bau und Heimat (BMI) und Bundesinstitut für Bau-, "
        "Stadt- und Raumforschung (BBSR)",
        "tags": ["Beteiligung", "Integration"],
        "teaser": "Bund und BBSR laden zur Konferenz über Gemeinwesenarbeit ins REFUGIO nach Berlin ein – "
        "verbunden mit dem Kongress zum 20-jährigen Bestehen des Programms.",
        "paragraphs": [
            "Zwanzig Jahre Soziale Stadt: Das Bundesministerium des Innern, für Bau und Heimat und das "
            "Bundesinstitut für Bau-, Stadt- und Raumforschung nehmen das Jubiläum zum Anlass für eine "
            "Bundeskonferenz zur Gemeinwesenarbeit.",
            "Im REFUGIO Berlin geht es um die Rolle der Gemeinwesenarbeit in den Quartieren. Der "
            "Bundeskongress „Mehr Quartier für alle“ blickt auf zwei Jahrzehnte Programmpraxis zurück.",
        ],
    },
    {
        "slug": "seminar-beteiligung-direkte-demokratie-2019",
        "title": "Seminar „Beteiligung und direkte Demokratie in der Stadtentwicklung“",
        "date": datetime.date(2019, 11, 14),
        "all_day": True,
        "venue": "",
        "city": "München",
        "tags": ["Beteiligung"],
        "teaser": "Wie passen Bürgerbeteiligung und repräsentative Entscheidungen der Kommunalpolitik "
        "zusammen? Ein Seminar in München.",
        "paragraphs": [
            "Immer mehr Bürgerinnen und Bürger wollen bei der Entwicklung ihrer Stadt mitreden. Kommunikation "
            "und Beteiligung gehören deshalb heute zu jeder Planung.",
            "Ob eine Maßnahme umgesetzt wird, entscheidet am Ende aber der Rat. Das Seminar fragt, wie sich "
            "Beteiligung, direkte Demokratie und repräsentative Verfahren sinnvoll ergänzen.",
        ],
    },
    {
        "slug": "stadt-in-bewegung-2019",
        "title": "Veranstaltungsreihe „Stadt in Bewegung – mobil ökologisch lebenswert“",
        "date": datetime.date(2019, 9, 24),
        "all_day": True,
        "venue": "",
        "city": "verschiedene Städte in NRW",
        "organiser": "Bund Deutscher Architektinnen und Architekten (BDA), Landesverband NRW",
        "tags": ["Mobilität", "Grün"],
        "teaser": "Der BDA NRW lädt in dreizehn Städten zu Veranstaltungen über Mobilität und lebenswerte Städte ein.",
        "paragraphs": [
            "Der Landesverband NRW des Bundes Deutscher Architektinnen und Architekten organisiert eine Reihe "
            "zum Thema Mobilität.",
            "In dreizehn Städten des Landes geht es darum, wie Verkehr ökologischer und Städte lebenswerter "
            "werden können.",
        ],
    },
    {
        "slug": "netzwerktreffen-gelsenkirchen",
        "title": "Netzwerktreffen des Städtenetzes in Gelsenkirchen",
        "in_days": -10,
        "hours": (10, 16),
        "venue": "Wissenschaftspark Gelsenkirchen",
        "street_address": "Munscheidstraße 14",
        "postal_code": "45886",
        "city": "Gelsenkirchen",
        "location": (51.5010, 7.1030),
        "organiser": "Städtenetz Soziale Stadt NRW",
        "tags": ["Beteiligung"],
        "teaser": "Austausch der Mitgliedskommunen mit Rundgang durch Ückendorf.",
        "paragraphs": ["Das Treffen richtet sich an Fachleute aus den Mitgliedskommunen."],
    },
    {
        "slug": "werkstatt-mehrsprachig-beteiligen-1",
        "title": "Werkstatt „Mehrsprachig beteiligen“ (Teil 1)",
        "in_days": -45,
        "hours": (14, 17),
        "venue": "Stadtteilbüro Nordstadt",
        "street_address": "Mallinckrodtstraße 56",
        "postal_code": "44145",
        "city": "Dortmund",
        "location": (51.5253, 7.4610),
        "organiser": "Städtenetz Soziale Stadt NRW",
        "tags": ["Beteiligung", "Integration"],
        "teaser": "Methoden für die Beteiligung in vielsprachigen Quartieren.",
        "paragraphs": ["Im ersten Teil geht es um Einladungen, Bildsprache und Sprachmittlung."],
    },
    {
        "slug": "exkursion-nordbahntrasse",
        "title": "Exkursion: Mit dem Rad über die Nordbahntrasse",
        "in_days": 12,
        "hours": (10, 15),
        "venue": "Bahnhof Wichlinghausen",
        "street_address": "Wichlinghauser Straße 9",
        "postal_code": "42277",
        "city": "Wuppertal",
        "location": (51.2829, 7.2158),
        "organiser": "Stadt Wuppertal und Städtenetz Soziale Stadt NRW",
        "registration_url": "https://example.org/anmeldung/nordbahntrasse",
        "tags": ["Mobilität", "Grün"],
        "teaser": "Eine Radtour durch Oberbarmen und Wichlinghausen zu Projekten der Stadterneuerung.",
        "paragraphs": [
            "Die Tour führt über rund 15 Kilometer zu Spielplätzen, Schulhöfen und Treffpunkten entlang der "
            "Trasse. Leihräder stehen in begrenzter Zahl bereit.",
        ],
    },
    {
        "slug": "fachtag-quartiersfonds",
        "title": "Fachtag „Quartiersfonds in der Praxis“",
        "in_days": 26,
        "hours": (9, 16),
        "venue": "Zeche Zollverein, Halle 12",
        "street_address": "Gelsenkirchener Straße 181",
        "postal_code": "45309",
        "city": "Essen",
        "location": (51.4863, 7.0443),
        "organiser": "Städtenetz Soziale Stadt NRW",
        "registration_url": "https://example.org/anmeldung/quartiersfonds",
        "tags": ["Beteiligung", "Lokale Ökonomie"],
        "teaser": "Wie Verfügungsfonds vergeben, abgerechnet und bekannt gemacht werden.",
        "paragraphs": ["Mit Praxisbeispielen aus Katernberg, Marxloh und der Dortmunder Nordstadt."],
    },
    {
        "slug": "werkstatt-mehrsprachig-beteiligen-2",
        "title": "Werkstatt „Mehrsprachig beteiligen“ (Teil 2)",
        "in_days": 40,
        "hours": (14, 17),
        "venue": "Bürgerhaus Chorweiler",
        "street_address": "Pariser Platz 1",
        "postal_code": "50765",
        "city": "Köln",
        "location": (51.0276, 6.8956),
        "organiser": "Städtenetz Soziale Stadt NRW",
        "tags": ["Beteiligung", "Integration"],
        "teaser": "Fortsetzung der Werkstatt: digitale Beteiligung in vielen Sprachen.",
        "paragraphs": ["Teil 2 baut auf dem ersten Termin auf, ist aber auch für neue Teilnehmende offen."],
    },
    {
        "slug": "tagung-schule-im-quartier",
        "title": "Tagung „Schule im Quartier“",
        "in_days": 58,
        "all_day": True,
        "days": 2,
        "venue": "Stadthalle Mülheim an der Ruhr",
        "street_address": "Theodor-Heuss-Platz 1",
        "postal_code": "45479",
        "city": "Mülheim an der Ruhr",
        "location": (51.4263, 6.8795),
        "organiser": "Städtenetz Soziale Stadt NRW mit Partnern aus der Bildungsarbeit",
        "registration_url": "https://example.org/anmeldung/schule-im-quartier",
        "tags": ["Bildung", "Familie"],
        "teaser": "Zwei Tage über Schulen als Orte für die ganze Nachbarschaft.",
        "paragraphs": ["Mit Vorträgen, Praxisforen und einer Exkursion zu einem Familienzentrum."],
    },
    {
        "slug": "stadtspaziergang-sennestadt",
        "title": "Stadtspaziergang durch die Sennestadt",
        "in_days": 79,
        "hours": (15, 18),
        "venue": "Reichowplatz",
        "street_address": "Reichowplatz",
        "postal_code": "33689",
        "city": "Bielefeld",
        "location": (51.9437, 8.5893),
        "organiser": "Stadt Bielefeld, Sennestadtverein",
        "tags": ["Wohnen", "Grün"],
        "teaser": "Unterwegs in der geplanten Stadt der 1950er-Jahre: Was wird aus Zentrum und Grünzügen?",
        "paragraphs": ["Treffpunkt ist der Brunnen am Reichowplatz."],
    },
    {
        "slug": "online-sprechstunde-foerderung",
        "title": "Online-Sprechstunde Städtebauförderung",
        "in_days": 104,
        "hours": (10, 12),
        "venue": "Online",
        "city": "",
        "organiser": "Geschäftsstelle des Städtenetzes",
        "tags": ["Wohnen"],
        "teaser": "Fragen zur Antragstellung im Programm Sozialer Zusammenhalt.",
        "paragraphs": ["Den Zugang erhalten Sie nach der Anmeldung per E-Mail."],
    },
    {
        "slug": "jahrestagung-staedtenetz",
        "title": "Jahrestagung des Städtenetzes",
        "in_days": 133,
        "hours": (10, 17),
        "venue": "Rathaus Hagen",
        "street_address": "Rathausstraße 11",
        "postal_code": "58095",
        "city": "Hagen",
        "location": (51.3596, 7.4738),
        "organiser": "Städtenetz Soziale Stadt NRW",
        "registration_url": "https://example.org/anmeldung/jahrestagung",
        "tags": ["Beteiligung", "Wohnen", "Integration"],
        "teaser": "Bilanz des Jahres, Wahl der Sprecherinnen und Sprecher und Exkursion nach Wehringhausen.",
        "paragraphs": ["Die Jahrestagung ist öffentlich; Gäste sind willkommen."],
    },
]


def _contact(name, role, organisation, email, phone):
    return {"name": name, "role": role, "organisation": organisation, "email": email, "phone": phone}


RUNNING, COMPLETED = "laufend", "abgeschlossen"

# One entry per member municipality; `areas` are its programme areas.
MUNICIPALITIES = [
    {
        "title": "Dortmund",
        "slug": "dortmund",
        "region": "arnsberg",
        "website": "https://www.dortmund.de/",
        "teaser": "Die größte Stadt Westfalens ist mit drei Programmgebieten im Städtenetz vertreten.",
        "intro": "Dortmund erneuert seit den 1990er-Jahren Stadtteile mit Mitteln der Sozialen Stadt – von der "
        "Nordstadt bis zu den Großsiedlungen im Westen.",
        "contacts": [
            _contact(
                "Jana Kowalski",
                "Quartiersmanagement",
                "Quartiersbüro Nordstadt",
                "nordstadt@example.org",
                "0231 555 0210",
            ),
            _contact(
                "Tobias Brandt",
                "Stadterneuerung",
                "Stadt Dortmund, Amt für Stadterneuerung",
                "stadterneuerung-do@example.org",
                "0231 555 0220",
            ),
        ],
        "areas": [
            {
                "slug": "nordstadt",
                "title": "Nordstadt",
                "location": (51.5255, 7.4640),
                "address": "Nordmarkt, 44145 Dortmund",
                "status": RUNNING,
                "start_year": 1999,
                "inhabitants": 60000,
                "area_ha": 1450,
                "tags": ["Integration", "Wohnen", "Lokale Ökonomie", "Bildung"],
                "intro": "Die Nordstadt ist Dortmunds dichtester und vielfältigster Stadtteil: Hier leben Menschen "
                "aus mehr als 130 Nationen zwischen Hafen, Nordmarkt und Borsigplatz.",
                "situation": "Gründerzeitliche Blockrandbebauung, viele kleine Wohnungen und eine hohe "
                "Fluktuation prägen die Nordstadt. Für viele Zugewanderte ist sie der erste Wohnort in "
                "Dortmund; Arbeitslosigkeit und Kinderarmut liegen deutlich über dem städtischen Schnitt.",
                "potentials": "Die Nordstadt ist jung, lebendig und gut angebunden. Eine aktive Kulturszene und "
                "zahlreiche Migrantenselbstorganisationen tragen das Quartier.",
                "approaches": [
                    "Quartiersmanagement in drei Teilräumen",
                    "Modernisierung von Problemimmobilien",
                    "Lokale Ökonomie am Nordmarkt und in der Münsterstraße",
                    "Bildungsangebote an Kitas und Grundschulen",
                ],
                "partners": [
                    "Quartiersmanagement Nordstadt",
                    "Wohnungsgesellschaften und Eigentümerforum",
                    "Planerladen e. V.",
                    "Migrantenselbstorganisationen",
                ],
                "milestones": [
                    (
                        1999,
                        "Aufnahme in das Programm Soziale Stadt",
                        "Der Rat beschließt das integrierte Handlungskonzept.",
                    ),
                    (2000, "Start von URBAN II", "EU-Mittel ergänzen die Städtebauförderung."),
                    (
                        2013,
                        "Quartiersmanagement neu aufgestellt",
                        "Drei Teams arbeiten in den Quartieren Hafen, Nordmarkt und Borsigplatz.",
                    ),
                    (
                        2021,
                        "Fortschreibung des Handlungskonzepts",
                        "Schwerpunkte: Wohnen, Bildung und öffentlicher Raum.",
                    ),
                ],
                "perspective": "Die Nordstadt bleibt Ankunftsstadtteil. Ziel ist, dass Menschen hier Fuß fassen "
                "und bleiben können, wenn es ihnen besser geht.",
                "contacts": ["Jana Kowalski"],
            },
            {
                "slug": "westerfilde-bodelschwingh",
                "title": "Westerfilde und Bodelschwingh",
                "location": (51.5470, 7.3690),
                "address": "Westerfilder Straße, 44357 Dortmund",
                "status": RUNNING,
                "start_year": 2015,
                "inhabitants": 14500,
                "area_ha": 380,
                "tags": ["Wohnen", "Familie", "Grün"],
                "intro": "Großwohnsiedlungen der 1960er- und 70er-Jahre neben Einfamilienhäusern und dem "
                "Wasserschloss Bodelschwingh: ein Stadtteil der Gegensätze im Dortmunder Nordwesten.",
                "situation": "Teile der Großsiedlung litten lange unter wechselnden Eigentümern und "
                "vernachlässigten Beständen. Das Einkaufszentrum hat an Bedeutung verloren.",
                "potentials": "Viel Grün, das Schloss und engagierte Vereine sind Stärken, auf die das Programm baut.",
                "approaches": [
                    "Aufwertung der Wohnumfelder mit den Eigentümern",
                    "Neugestaltung des Stadtteilzentrums",
                    "Familienzentren und Jugendarbeit",
                ],
                "partners": ["Stadtteilbüro Westerfilde", "Wohnungsunternehmen", "Bezirksvertretung Mengede"],
                "milestones": [
                    (2014, "Integriertes Handlungskonzept", "Beschluss durch den Rat."),
                    (2015, "Aufnahme in die Soziale Stadt", "Das Stadtteilbüro eröffnet."),
                    (2019, "Neuer Quartiersplatz", "Der Platz an der Westerfilder Straße ist fertig."),
                ],
                "perspective": "In den kommenden Jahren stehen die Modernisierung weiterer Wohnblöcke und ein "
                "Bildungscampus im Mittelpunkt.",
                "contacts": ["Tobias Brandt"],
            },
            {
                "slug": "hoerde",
                "title": "Hörde",
                "location": (51.4880, 7.5050),
                "address": "Hörder Bahnhofstraße, 44263 Dortmund",
                "status": COMPLETED,
                "start_year": 2008,
                "end_year": 2018,
                "inhabitants": 22000,
                "area_ha": 420,
                "tags": ["Grün", "Lokale Ökonomie", "Wohnen"],
                "intro": "Der frühere Stahlstandort Hörde hat sich mit dem Phoenix-See neu erfunden; die "
                "Soziale Stadt sorgte dafür, dass der alte Ortskern mitgenommen wurde.",
                "situation": "Nach dem Ende der Stahlproduktion verlor Hörde Arbeitsplätze und Kaufkraft. Der "
                "Ortskern litt unter Leerstand.",
                "potentials": "Der neue See, die Nähe zur Innenstadt und ein historischer Ortskern boten gute "
                "Voraussetzungen.",
                "approaches": [
                    "Verbindung von Ortskern und Phoenix-See",
                    "Hof- und Fassadenprogramm",
                    "Geschäftsstraßenmanagement",
                ],
                "partners": ["Stadtbezirksmarketing Hörde", "Werbegemeinschaft", "Emschergenossenschaft"],
                "milestones": [
                    (2008, "Programmstart", "Stadtteilbüro in der Hörder Fußgängerzone."),
                    (2011, "Flutung des Phoenix-Sees", "Der See wird zum neuen Anziehungspunkt."),
                    (2018, "Abschluss", "Die Fördermaßnahmen sind umgesetzt."),
                ],
                "perspective": "Vereine und Werbegemeinschaft führen Stadtteilmarketing und Feste weiter.",
                "contacts": ["Tobias Brandt"],
            },
        ],
    },
    {
        "title": "Duisburg",
        "slug": "duisburg",
        "region": "duesseldorf",
        "website": "https://www.duisburg.de/",
        "teaser": "Duisburg setzt im Norden und am Rhein auf integrierte Stadtteilentwicklung.",
        "intro": "Die Stadt an Rhein und Ruhr gehört zu den ersten Kommunen, die Stadtteilerneuerung "
        "integriert angegangen sind.",
        "contacts": [
            _contact(
                "Emre Yıldız",
                "Quartiersmanagement",
                "Entwicklungsgesellschaft Duisburg",
                "marxloh@example.org",
                "0203 555 0310",
            ),
            _contact(
                "Sabine Krüger",
                "Projektleitung",
                "Stadt Duisburg, Amt für Stadtentwicklung",
                "hochfeld@example.org",
                "0203 555 0320",
            ),
        ],
        "areas": [
            {
                "slug": "marxloh",
                "title": "Marxloh",
                "location": (51.5040, 6.7790),
                "address": "Weseler Straße, 47169 Duisburg",
                "status": RUNNING,
                "start_year": 1999,
                "inhabitants": 20000,
                "area_ha": 560,
                "tags": ["Integration", "Lokale Ökonomie", "Grün"],
                "intro": "Marxloh ist bekannt für die Brautmodengeschäfte an der Weseler Straße und die "
                "Merkez-Moschee – und für viele Jahre Stadtteilarbeit.",
                "situation": "Der Niedergang von Kohle und Stahl traf Marxloh hart. Heute leben hier viele "
                "Zugewanderte, zuletzt vor allem aus Südosteuropa; viele Häuser sind in schlechtem Zustand.",
                "potentials": "Die Geschäftsstraße zieht Kundschaft aus ganz Europa an. Der Grüngürtel Nord "
                "schafft Abstand zur Industrie und neue Freiräume.",
                "approaches": [
                    "Grüngürtel Duisburg-Nord",
                    "Geschäftsstraßenmanagement",
                    "Vorgehen gegen Problemimmobilien",
                    "Bildung und Sprachförderung",
                ],
                "partners": [
                    "Entwicklungsgesellschaft Duisburg",
                    "Unternehmerverband Marxloh",
                    "Begegnungsstätte der Merkez-Moschee",
                    "Schulen im Stadtteil",
                ],
                "milestones": [
                    (1999, "Aufnahme in die Soziale Stadt", "Aufbauend auf dem Stadtteilprojekt der 1980er-Jahre."),
                    (2008, "Eröffnung der Merkez-Moschee", "Mit Begegnungsstätte für den Stadtteil."),
                    (2017, "Neues Handlungskonzept", "Schwerpunkt Zuwanderung aus Südosteuropa."),
                ],
                "perspective": "Marxloh soll Ankunftsort bleiben und zugleich mehr Menschen halten, die aufsteigen.",
                "contacts": ["Emre Yıldız"],
            },
            {
                "slug": "hochfeld",
                "title": "Hochfeld",
                "location": (51.4190, 6.7600),
                "address": "Wanheimer Straße, 47053 Duisburg",
                "status": RUNNING,
                "start_year": 2008,
                "inhabitants": 17000,
                "area_ha": 310,
                "tags": ["Grün", "Familie", "Integration"],
                "intro": "Hochfeld liegt zwischen Innenstadt und Rhein; der neue Rheinpark hat den Stadtteil "
                "wieder an den Fluss gebracht.",
                "situation": "Dichte Altbauquartiere, wenig Grün und eine hohe Zahl von Kindern in "
                "Familien mit geringem Einkommen kennzeichnen Hochfeld.",
                "potentials": "Die Lage am Rhein und die Nähe zur Innenstadt sind große Chancen.",
                "approaches": [
                    "Rheinpark auf einer früheren Industriefläche",
                    "Familienzentren",
                    "Aufwertung von Straßen und Plätzen",
                ],
                "partners": ["Stadtteilbüro Hochfeld", "Kitas und Grundschulen", "Kirchengemeinden"],
                "milestones": [
                    (2008, "Programmstart", "Das integrierte Handlungskonzept wird beschlossen."),
                    (2011, "Eröffnung des Rheinparks", "Ein neuer Park auf altem Industrieland."),
                    (2020, "Fortschreibung", "Neue Schwerpunkte Familie und Bildung."),
                ],
                "perspective": "Die Anbindung des Rheinparks an die Wohnquartiere soll weiter verbessert werden.",
                "contacts": ["Sabine Krüger"],
            },
        ],
    },
    {
        "title": "Gelsenkirchen",
        "slug": "gelsenkirchen",
        "region": "muenster",
        "website": "https://www.gelsenkirchen.de/",
        "teaser": "Gelsenkirchen zählt zu den Pionieren der Stadtteilerneuerung in NRW.",
        "intro": "Die Stadt hat Stadtteilprogramme früh mit Beteiligung und lokaler Ökonomie verbunden.",
        "contacts": [
            _contact(
                "Katharina Lenz",
                "Stadtteilmanagement",
                "Stadterneuerungsgesellschaft Gelsenkirchen",
                "ueckendorf@example.org",
                "0209 555 0410",
            ),
        ],
        "areas": [
            {
                "slug": "bismarck-schalke-nord",
                "title": "Bismarck/Schalke-Nord",
                "location": (51.5320, 7.0870),
                "address": "Bismarckstraße, 45889 Gelsenkirchen",
                "status": COMPLETED,
                "start_year": 1995,
                "end_year": 2008,
                "inhabitants": 25000,
                "area_ha": 700,
                "tags": ["Bildung", "Beteiligung", "Grün"],
                "intro": "Eines der ersten Stadtteilprogramme in NRW: Aus der Zeche Consol wurde ein "
                "Kulturort, aus einer Gesamtschule ein ökologisches Vorzeigeprojekt.",
                "situation": "Nach Schließung der Zechen fehlten Arbeit und Perspektiven; viele Flächen lagen brach.",
                "potentials": "Das Erbe des Bergbaus und eine starke Vereinslandschaft waren Ausgangspunkte.",
                "approaches": [
                    "Umnutzung der Zeche Consol",
                    "Bau einer ökologischen Gesamtschule",
                    "Stadtteilbüro und Bewohnerbeteiligung",
                ],
                "partners": ["Stadtteilbüro Bismarck/Schalke-Nord", "Consol Theater", "Evangelische Kirche"],
                "milestones": [
                    (1995, "Start des Stadtteilprogramms", "Als eines der ersten in NRW."),
                    (2001, "Consol Theater eröffnet", "Die Maschinenhalle wird Spielstätte."),
                    (2008, "Programmende", "Träger aus dem Stadtteil übernehmen die Arbeit."),
                ],
                "perspective": "Die Strukturen der Stadtteilarbeit werden von Vereinen weitergetragen.",
                "contacts": ["Katharina Lenz"],
            },
            {
                "slug": "ueckendorf",
                "title": "Südost (Ückendorf)",
                "location": (51.4950, 7.1080),
                "address": "Bochumer Straße, 45886 Gelsenkirchen",
                "status": RUNNING,
                "start_year": 2014,
                "inhabitants": 21000,
                "area_ha": 450,
                "tags": ["Wohnen", "Lokale Ökonomie", "Beteiligung"],
                "intro": "Rund um die Bochumer Straße entsteht aus Leerstand ein Quartier für Kreative und "
                "Nachbarschaft.",
                "situation": "Viele Gründerzeithäuser standen leer oder verfielen; die Geschäftsstraße "
                "verlor ihre Kundschaft.",
                "potentials": "Schöne Altbauten, günstige Mieten und der Wissenschaftspark sind Chancen.",
                "approaches": ["Ankauf und Sanierung von Schrottimmobilien", "Zwischennutzungen", "Quartiersfonds"],
                "partners": ["Stadterneuerungsgesellschaft", "Künstlerinnen und Künstler", "Hauseigentümer"],
                "milestones": [
                    (2014, "Programmstart", "Beschluss des Handlungskonzepts."),
                    (2017, "Erste sanierte Häuser", "Ateliers und Wohnungen an der Bochumer Straße."),
                    (2022, "Neue Quartiersmitte", "Der Platz an der Heilandkirche ist fertig."),
                ],
                "perspective": "Weitere Häuser sollen saniert und die Geschäftsstraße belebt werden.",
                "contacts": ["Katharina Lenz"],
            },
        ],
    },
    {
        "title": "Essen",
        "slug": "essen",
        "region": "duesseldorf",
        "website": "https://www.essen.de/",
        "teaser": "Essen verbindet Stadterneuerung mit neuen Grünzügen im Norden und Westen.",
        "intro": "In Essen haben Programmgebiete vom Strukturwandel im Norden bis zur Grünen Hauptstadt "
        "Europas 2017 beigetragen.",
        "contacts": [
            _contact(
                "Markus Ahrens",
                "Stadtteilmanagement",
                "Stadt Essen, Amt für Stadterneuerung",
                "stadterneuerung-essen@example.org",
                "0201 555 0510",
            ),
        ],
        "areas": [
            {
                "slug": "altendorf",
                "title": "Altendorf",
                "location": (51.4590, 6.9860),
                "address": "Altendorfer Straße, 45143 Essen",
                "status": COMPLETED,
                "start_year": 2008,
                "end_year": 2017,
                "inhabitants": 23000,
                "area_ha": 330,
                "tags": ["Grün", "Wohnen", "Mobilität"],
                "intro": "Mit dem Niederfeldsee und dem Radweg auf der Rheinischen Bahn hat Altendorf neue "
                "Freiräume gewonnen.",
                "situation": "Dichte Bebauung, wenig Grün und sanierungsbedürftige Wohnhäuser prägten "
                "den Stadtteil westlich der Innenstadt.",
                "potentials": "Die Nähe zur Innenstadt und frei werdende Flächen ermöglichten neue Parks.",
                "approaches": ["Niederfeldsee und Grünanlagen", "Rückbau maroder Häuser", "Radweg Rheinische Bahn"],
                "partners": ["Stadtteilbüro Altendorf", "Allbau", "Emschergenossenschaft"],
                "milestones": [
                    (2008, "Programmstart", "Integriertes Handlungskonzept Altendorf."),
                    (2014, "Niederfeldsee eröffnet", "Ein See mitten im Stadtteil."),
                    (2017, "Abschluss", "Essen ist Grüne Hauptstadt Europas."),
                ],
                "perspective": "Die neuen Grünflächen werden von Bewohnerinnen und Bewohnern mitgepflegt.",
                "contacts": ["Markus Ahrens"],
            },
            {
                "slug": "katernberg",
                "title": "Katernberg",
                "location": (51.4930, 7.0440),
                "address": "Katernberger Markt, 45327 Essen",
                "status": COMPLETED,
                "start_year": 1995,
                "end_year": 2008,
                "inhabitants": 23500,
                "area_ha": 420,
                "tags": ["Lokale Ökonomie", "Beteiligung", "Bildung"],
                "intro": "Katernberg liegt im Schatten der Zeche Zollverein und war eines der ersten "
                "Stadtteilprojekte in NRW.",
                "situation": "Mit dem Ende des Bergbaus brachen Arbeitsplätze weg; die Kaufkraft sank.",
                "potentials": "Das Welterbe Zollverein und eine gewachsene Nachbarschaft boten Chancen.",
                "approaches": [
                    "Stadtteilbüro und Bewohnerbeteiligung",
                    "Lokale Ökonomie",
                    "Qualifizierung Jugendlicher",
                ],
                "partners": ["Stadtteilbüro Katernberg", "Stiftung Zollverein", "Bürgerschaftsverein"],
                "milestones": [
                    (1995, "Start des Stadtteilprojekts", "Mit Landesmitteln."),
                    (2001, "Zollverein wird Welterbe", "Ein Impuls für den ganzen Essener Norden."),
                    (2008, "Abschluss", "Der Bürgerschaftsverein führt Projekte fort."),
                ],
                "perspective": "Die Netzwerke leben im Stadtteilforum weiter.",
                "contacts": ["Markus Ahrens"],
            },
        ],
    },
    {
        "title": "Köln",
        "slug": "koeln",
        "region": "koeln",
        "website": "https://www.stadt-koeln.de/",
        "teaser": "Köln stärkt Großsiedlungen und gewachsene Stadtteile rechts und links des Rheins.",
        "intro": "Die größte Stadt des Landes bündelt ihre Stadtteilarbeit im Programm „Starke Veedel – Starkes Köln“.",
        "contacts": [
            _contact(
                "Lea Schumacher", "Sozialraumkoordination", "Stadt Köln", "chorweiler@example.org", "0221 555 0610"
            ),
        ],
        "areas": [
            {
                "slug": "chorweiler",
                "title": "Chorweiler",
                "location": (51.0270, 6.8990),
                "address": "Pariser Platz, 50765 Köln",
                "status": RUNNING,
                "start_year": 2008,
                "inhabitants": 13000,
                "area_ha": 230,
                "tags": ["Wohnen", "Integration", "Bildung"],
                "intro": "Die Großsiedlung der 1970er-Jahre im Kölner Norden wird Schritt für Schritt modernisiert.",
                "situation": "Hochhäuser mit über tausend Wohnungen litten unter Eigentümerwechseln und "
                "Instandhaltungsstau. Viele Kinder wachsen in Armut auf.",
                "potentials": "Gute Bahnanbindung, viel Grün und eine engagierte Bewohnerschaft.",
                "approaches": [
                    "Übernahme und Sanierung von Wohnungen durch ein kommunales Unternehmen",
                    "Neugestaltung des Zentrums",
                    "Bildungslandschaft Chorweiler",
                ],
                "partners": ["GAG Immobilien", "Bürgerzentrum Chorweiler", "Schulen und Kitas"],
                "milestones": [
                    (2008, "Aufnahme in die Soziale Stadt", "Beginn der Zentrumserneuerung."),
                    (
                        2016,
                        "Wohnungen in kommunaler Hand",
                        "Ein kommunales Unternehmen übernimmt rund 1.200 Wohnungen.",
                    ),
                    (2023, "Neues Zentrum", "Pariser Platz und Einkaufszentrum sind umgebaut."),
                ],
                "perspective": "Nach der Sanierung der Wohnungen rückt die Bildung in den Vordergrund.",
                "contacts": ["Lea Schumacher"],
            },
            {
                "slug": "muelheim",
                "title": "Mülheim",
                "location": (50.9640, 7.0060),
                "address": "Wiener Platz, 51065 Köln",
                "status": COMPLETED,
                "start_year": 2009,
                "end_year": 2015,
                "inhabitants": 42000,
                "area_ha": 900,
                "tags": ["Lokale Ökonomie", "Bildung", "Integration"],
                "intro": "Mit „Mülheim 2020“ verband Köln Städtebau, Bildung und lokale Wirtschaft im "
                "rechtsrheinischen Mülheim.",
                "situation": "Hohe Arbeitslosigkeit und ein Geschäftszentrum mit Leerständen prägten den Stadtteil.",
                "potentials": "Eine lebendige Keupstraße und alte Industrieflächen für neue Nutzungen.",
                "approaches": [
                    "Qualifizierungsprojekte mit ESF-Mitteln",
                    "Geschäftsstraßenmanagement",
                    "Aufwertung des Wiener Platzes",
                ],
                "partners": ["Interessengemeinschaft Keupstraße", "Jobcenter", "Schulen"],
                "milestones": [
                    (2009, "Start von Mülheim 2020", "Mit Mitteln von EU, Bund und Land."),
                    (2012, "Umbau Wiener Platz", "Der Platz wird neu gestaltet."),
                    (2015, "Abschluss", "Dokumentation der Ergebnisse."),
                ],
                "perspective": "Erfolgreiche Projekte werden von Trägern im Stadtteil fortgeführt.",
                "contacts": ["Lea Schumacher"],
            },
        ],
    },
    {
        "title": "Bochum",
        "slug": "bochum",
        "region": "arnsberg",
        "website": "https://www.bochum.de/",
        "teaser": "Bochum erneuert die Hustadt an der Ruhr-Universität.",
        "intro": "In Bochum steht die Großsiedlung Hustadt für gelungene Stadterneuerung mit den Menschen vor Ort.",
        "contacts": [
            _contact("Daniel Weber", "Stadtteilmanagement", "Stadt Bochum", "hustadt@example.org", "0234 555 0710"),
        ],
        "areas": [
            {
                "slug": "hustadt",
                "title": "Hustadt",
                "location": (51.4430, 7.2600),
                "address": "Brunnenplatz, 44801 Bochum",
                "status": COMPLETED,
                "start_year": 2008,
                "end_year": 2016,
                "inhabitants": 5500,
                "area_ha": 60,
                "tags": ["Wohnen", "Integration", "Grün"],
                "intro": "Die Hustadt wurde in den 1970er-Jahren für die Ruhr-Universität gebaut und "
                "mit dem Programm neu belebt.",
                "situation": "Die Siedlung galt als sozialer Brennpunkt, Plätze und Wege waren unübersichtlich.",
                "potentials": "Die Nähe zur Universität und eine vielsprachige Nachbarschaft.",
                "approaches": ["Neugestaltung des Brunnenplatzes", "Interkulturelle Gärten", "Nachbarschaftstreff"],
                "partners": ["Stadtteilbüro Hustadt", "Ruhr-Universität Bochum", "VBW Bauen und Wohnen"],
                "milestones": [
                    (2008, "Programmstart", "Stadtumbau Hustadt."),
                    (2012, "Brunnenplatz fertig", "Die neue Mitte der Siedlung."),
                    (2016, "Abschluss", "Ein Bewohnerverein übernimmt den Treff."),
                ],
                "perspective": "Der Nachbarschaftstreff bleibt Anlaufstelle der Hustadt.",
                "contacts": ["Daniel Weber"],
            },
        ],
    },
    {
        "title": "Herne",
        "slug": "herne",
        "region": "arnsberg",
        "website": "https://www.herne.de/",
        "teaser": "Herne stärkt das Zentrum von Wanne.",
        "intro": "Herne ist eine der am dichtesten besiedelten Städte Deutschlands und arbeitet an lebendigen "
        "Stadtteilzentren.",
        "contacts": [
            _contact("Petra Nowak", "Stadtteilmanagement", "Stadt Herne", "wanne@example.org", "02323 555 0810"),
        ],
        "areas": [
            {
                "slug": "wanne-mitte",
                "title": "Wanne-Mitte",
                "location": (51.5320, 7.1530),
                "address": "Hauptstraße, 44649 Herne",
                "status": COMPLETED,
                "start_year": 2008,
                "end_year": 2018,
                "inhabitants": 16000,
                "area_ha": 260,
                "tags": ["Lokale Ökonomie", "Mobilität", "Wohnen"],
                "intro": "Das Zentrum von Wanne-Eickel rund um den Buschmannshof wurde neu geordnet.",
                "situation": "Leerstände, ein unattraktiver Bahnhofsvorplatz und Verkehrslärm belasteten die Mitte.",
                "potentials": "Ein Bahnknoten, kurze Wege und ein traditionsreicher Wochenmarkt.",
                "approaches": ["Umbau des Buschmannshofs", "Bahnhofsumfeld", "Fassadenprogramm"],
                "partners": ["Werbegemeinschaft Wanne", "Hauseigentümer", "Stadtteilbüro"],
                "milestones": [
                    (2008, "Programmstart", "Handlungskonzept Wanne-Mitte."),
                    (2013, "Neuer Buschmannshof", "Der Platz wird zum Treffpunkt."),
                    (2018, "Abschluss", "Bilanz bei einem Stadtteilfest."),
                ],
                "perspective": "Die Werbegemeinschaft setzt das Zentrumsmanagement fort.",
                "contacts": ["Petra Nowak"],
            },
        ],
    },
    {
        "title": "Hamm",
        "slug": "hamm",
        "region": "arnsberg",
        "website": "https://www.hamm.de/",
        "teaser": "Hamm hat den Norden mit Sozialer Stadt und Lippeauen gestärkt.",
        "intro": "Hamm hat im Norden der Stadt gezeigt, wie Bergbaufolgen und neue Freiräume zusammengehen.",
        "contacts": [
            _contact("Oliver Schäfer", "Stadtteilbüro", "Stadt Hamm", "hamm-norden@example.org", "02381 555 0910"),
        ],
        "areas": [
            {
                "slug": "norden",
                "title": "Hamm-Norden",
                "location": (51.6930, 7.8150),
                "address": "Sachsenweg, 59065 Hamm",
                "status": COMPLETED,
                "start_year": 2000,
                "end_year": 2012,
                "inhabitants": 18000,
                "area_ha": 540,
                "tags": ["Familie", "Grün", "Integration"],
                "intro": "Zechensiedlungen und Großwohnanlagen im Norden Hamms wurden mit dem Programm aufgewertet.",
                "situation": "Nach der Stilllegung der Zechen wohnten hier viele Familien mit geringem Einkommen.",
                "potentials": "Die Lippeauen und eine aktive Moscheegemeinde als Partner.",
                "approaches": ["Familienzentren", "Wege zur Lippeaue", "Sprachförderung"],
                "partners": ["Stadtteilbüro Hamm-Norden", "Moscheegemeinde", "Wohnungsgesellschaften"],
                "milestones": [
                    (2000, "Programmstart", "Aufnahme in die Soziale Stadt."),
                    (2006, "Stadtteilzentrum eröffnet", "Ein Haus für Vereine und Beratung."),
                    (2012, "Abschluss", "Übergabe an die Träger vor Ort."),
                ],
                "perspective": "Das Stadtteilzentrum bleibt Anlaufstelle.",
                "contacts": ["Oliver Schäfer"],
            },
        ],
    },
    {
        "title": "Bielefeld",
        "slug": "bielefeld",
        "region": "detmold",
        "website": "https://www.bielefeld.de/",
        "teaser": "Bielefeld entwickelt die Sennestadt, eine geplante Stadt der 1950er-Jahre, weiter.",
        "intro": "In Ostwestfalen ist Bielefeld mit der Sennestadt im Städtenetz vertreten.",
        "contacts": [
            _contact(
                "Anna Richter", "Quartiersmanagement", "Sennestadt GmbH", "sennestadt@example.org", "0521 555 1010"
            ),
        ],
        "areas": [
            {
                "slug": "sennestadt",
                "title": "Sennestadt",
                "location": (51.9430, 8.5890),
                "address": "Reichowplatz, 33689 Bielefeld",
                "status": RUNNING,
                "start_year": 2010,
                "inhabitants": 21000,
                "area_ha": 750,
                "tags": ["Wohnen", "Grün", "Lokale Ökonomie"],
                "intro": "Hans Bernhard Reichow plante die Sennestadt als „organische Stadtlandschaft“; "
                "heute wird sie behutsam erneuert.",
                "situation": "Wohnungen und Zentrum der 1950er- und 60er-Jahre entsprechen nicht mehr "
                "heutigen Ansprüchen; die Bevölkerung altert.",
                "potentials": "Durchgehende Grünzüge, ein See und eine klare Stadtstruktur.",
                "approaches": ["Erneuerung des Zentrums", "Barrierefreie Wege", "Energetische Sanierung"],
                "partners": ["Sennestadt GmbH", "Sennestadtverein", "Wohnungsunternehmen"],
                "milestones": [
                    (2010, "Programmstart", "Stadtumbau und Soziale Stadt."),
                    (2016, "Neuer Reichowplatz", "Das Zentrum wird neu gestaltet."),
                    (2024, "Fortschreibung", "Schwerpunkt Klimaanpassung."),
                ],
                "perspective": "Die Sennestadt soll ein Ort für alle Generationen bleiben.",
                "contacts": ["Anna Richter"],
            },
        ],
    },
    {
        "title": "Mönchengladbach",
        "slug": "moenchengladbach",
        "region": "duesseldorf",
        "website": "https://www.moenchengladbach.de/",
        "teaser": "Mönchengladbach stärkt Rheydt, das zweite Zentrum der Stadt.",
        "intro": "Die Stadt am Niederrhein arbeitet daran, dass beide Zentren lebendig bleiben.",
        "contacts": [
            _contact(
                "Stefan Peters", "Quartiersmanagement", "Stadt Mönchengladbach", "rheydt@example.org", "02161 555 1110"
            ),
        ],
        "areas": [
            {
                "slug": "rheydt",
                "title": "Rheydt",
                "location": (51.1660, 6.4440),
                "address": "Marktplatz, 41236 Mönchengladbach",
                "status": RUNNING,
                "start_year": 2013,
                "inhabitants": 16500,
                "area_ha": 250,
                "tags": ["Lokale Ökonomie", "Wohnen", "Beteiligung"],
                "intro": "Das Zentrum von Rheydt mit seinem Marktplatz wird als Wohn- und Einkaufsort gestärkt.",
                "situation": "Leerstehende Läden und Häuser mit Sanierungsbedarf kennzeichnen die Innenstadt.",
                "potentials": "Historischer Markt, Bahnhof und eine gewachsene Nachbarschaft.",
                "approaches": ["Umbau des Marktplatzes", "Hof- und Fassadenprogramm", "Quartiersfonds"],
                "partners": ["Quartiersbüro Rheydt", "Werbegemeinschaft", "Eigentümer"],
                "milestones": [
                    (2013, "Programmstart", "Soziale Stadt Rheydt."),
                    (2019, "Marktplatz fertig", "Neuer Platz mit Wasserspiel."),
                    (2023, "Neue Projekte", "Quartiersfonds für Nachbarschaftsideen."),
                ],
                "perspective": "Leerstände sollen für neue Nutzungen geöffnet werden.",
                "contacts": ["Stefan Peters"],
            },
        ],
    },
    {
        "title": "Wuppertal",
        "slug": "wuppertal",
        "region": "duesseldorf",
        "website": "https://www.wuppertal.de/",
        "teaser": "Wuppertal erneuert die Quartiere im Osten entlang der Nordbahntrasse.",
        "intro": "Im Bergischen Land zeigt Wuppertal, wie alte Bahnstrecken Stadtteile verbinden.",
        "contacts": [
            _contact(
                "Julia Becker", "Quartiersmanagement", "Stadt Wuppertal", "oberbarmen@example.org", "0202 555 1210"
            ),
        ],
        "areas": [
            {
                "slug": "oberbarmen-wichlinghausen",
                "title": "Oberbarmen/Wichlinghausen",
                "location": (51.2800, 7.2130),
                "address": "Berliner Platz, 42277 Wuppertal",
                "status": RUNNING,
                "start_year": 2007,
                "inhabitants": 28000,
                "area_ha": 480,
                "tags": ["Mobilität", "Grün", "Integration"],
                "intro": "Zwei Stadtteile im Osten Wuppertals, verbunden durch die Nordbahntrasse und "
                "die Schwebebahn-Endstation.",
                "situation": "Alte Textilindustrie, viel Leerstand und eine junge, vielfältige Bevölkerung.",
                "potentials": "Die Nordbahntrasse, günstiger Wohnraum und starke Initiativen.",
                "approaches": ["Berliner Platz", "Anbindung an die Nordbahntrasse", "Jugendarbeit"],
                "partners": ["Quartiersbüro", "Wuppertalbewegung", "Wohnungsgenossenschaften"],
                "milestones": [
                    (2007, "Programmstart", "Integriertes Handlungskonzept."),
                    (2014, "Nordbahntrasse eröffnet", "Rad- und Fußweg durch beide Quartiere."),
                    (2021, "Fortschreibung", "Schwerpunkt Bildung und Klima."),
                ],
                "perspective": "Die Trasse soll noch stärker mit den Wohnstraßen verknüpft werden.",
                "contacts": ["Julia Becker"],
            },
        ],
    },
    {
        "title": "Oberhausen",
        "slug": "oberhausen",
        "region": "duesseldorf",
        "website": "https://www.oberhausen.de/",
        "teaser": "Oberhausen hat Lirich zwischen Altstadt und Rhein-Herne-Kanal erneuert.",
        "intro": "Oberhausen bringt Erfahrungen mit Stadtteilarbeit in alten Arbeiterquartieren ein.",
        "contacts": [
            _contact("Ralf Hoffmeister", "Stadtteilbüro", "Stadt Oberhausen", "lirich@example.org", "0208 555 1310"),
        ],
        "areas": [
            {
                "slug": "lirich",
                "title": "Lirich",
                "location": (51.4820, 6.8370),
                "address": "Liricher Straße, 46049 Oberhausen",
                "status": COMPLETED,
                "start_year": 2009,
                "end_year": 2019,
                "inhabitants": 14000,
                "area_ha": 300,
                "tags": ["Familie", "Grün", "Wohnen"],
                "intro": "Ein Arbeiterstadtteil zwischen Bahn und Kanal, der mit dem Programm grüner und "
                "familienfreundlicher wurde.",
                "situation": "Lärm, wenig Grün und ältere Wohnhäuser prägten Lirich.",
                "potentials": "Kanal, Kleingärten und eine treue Nachbarschaft.",
                "approaches": ["Spielplätze und Grünverbindungen", "Modernisierungsberatung", "Familienzentrum"],
                "partners": ["Stadtteilbüro Lirich", "Kirchengemeinden", "Schulen"],
                "milestones": [
                    (2009, "Programmstart", "Soziale Stadt Lirich."),
                    (2015, "Grünzug fertig", "Verbindung zum Kanal."),
                    (2019, "Abschluss", "Abschlussbericht vorgelegt."),
                ],
                "perspective": "Vereine führen die Stadtteilkonferenz fort.",
                "contacts": ["Ralf Hoffmeister"],
            },
        ],
    },
    {
        "title": "Solingen",
        "slug": "solingen",
        "region": "duesseldorf",
        "website": "https://www.solingen.de/",
        "teaser": "Solingen erneuert die Nordstadt an der Korkenziehertrasse.",
        "intro": "Die Klingenstadt arbeitet mit Bewohnerinnen und Bewohnern an der Nordstadt.",
        "contacts": [
            _contact(
                "Nina Engel", "Quartiersmanagement", "Stadt Solingen", "nordstadt-sg@example.org", "0212 555 1410"
            ),
        ],
        "areas": [
            {
                "slug": "nordstadt",
                "title": "Nordstadt",
                "location": (51.1790, 7.0850),
                "address": "Konrad-Adenauer-Straße, 42651 Solingen",
                "status": RUNNING,
                "start_year": 2011,
                "inhabitants": 13000,
                "area_ha": 190,
                "tags": ["Mobilität", "Beteiligung", "Familie"],
                "intro": "Die Solinger Nordstadt grenzt an die Innenstadt und ist über die Korkenziehertrasse "
                "angebunden.",
                "situation": "Ehemalige Werkstätten, dichte Bebauung und wenig Spielraum für Kinder.",
                "potentials": "Die Korkenziehertrasse und aktive Nachbarschaftsinitiativen.",
                "approaches": ["Spiel- und Bewegungsräume", "Quartiersbüro", "Hof- und Fassadenprogramm"],
                "partners": ["Quartiersbüro Nordstadt", "Caritas", "Bürgerverein"],
                "milestones": [
                    (2011, "Programmstart", "Handlungskonzept Nordstadt."),
                    (2016, "Neuer Spielpark", "Gemeinsam mit Kindern geplant."),
                    (2022, "Fortschreibung", "Neue Projekte für Jugendliche."),
                ],
                "perspective": "Die Nordstadt soll enger mit der Innenstadt zusammenwachsen.",
                "contacts": ["Nina Engel"],
            },
        ],
    },
    {
        "title": "Gladbeck",
        "slug": "gladbeck",
        "region": "muenster",
        "website": "https://www.gladbeck.de/",
        "teaser": "Gladbeck hat Butendorf mit einem Stadtteilprogramm gestärkt.",
        "intro": "Die Stadt im Kreis Recklinghausen setzt auf Beteiligung im Quartier.",
        "contacts": [
            _contact("Carsten Vogel", "Stadtteilbüro", "Stadt Gladbeck", "butendorf@example.org", "02043 555 1510"),
        ],
        "areas": [
            {
                "slug": "butendorf",
                "title": "Butendorf",
                "location": (51.5630, 6.9980),
                "address": "Horster Straße, 45968 Gladbeck",
                "status": COMPLETED,
                "start_year": 1999,
                "end_year": 2010,
                "inhabitants": 11000,
                "area_ha": 280,
                "tags": ["Wohnen", "Beteiligung", "Integration"],
                "intro": "Eine Zechensiedlung im Süden Gladbecks, die mit ihren Bewohnerinnen und Bewohnern "
                "erneuert wurde.",
                "situation": "Die Siedlung war nach der Zechenschließung sanierungsbedürftig; viele "
                "Familien hatten wenig Einkommen.",
                "potentials": "Gartenstadtcharakter und eine starke Nachbarschaft.",
                "approaches": ["Modernisierung der Siedlungshäuser", "Stadtteilbüro", "Integrationsarbeit"],
                "partners": ["Stadtteilbüro Butendorf", "Wohnungsgesellschaft", "Vereine"],
                "milestones": [
                    (1999, "Programmstart", "Soziale Stadt Butendorf."),
                    (2004, "Bürgerhaus eröffnet", "Ein Treffpunkt für alle."),
                    (2010, "Abschluss", "Übergabe an den Stadtteilverein."),
                ],
                "perspective": "Der Stadtteilverein führt das Bürgerhaus.",
                "contacts": ["Carsten Vogel"],
            },
        ],
    },
    {
        "title": "Castrop-Rauxel",
        "slug": "castrop-rauxel",
        "region": "muenster",
        "website": "https://www.castrop-rauxel.de/",
        "teaser": "Castrop-Rauxel erneuert Habinghorst am Rhein-Herne-Kanal.",
        "intro": "Die Europastadt im Kreis Recklinghausen ist neu im Städtenetz.",
        "contacts": [
            _contact(
                "Melanie Wolff",
                "Quartiersmanagement",
                "Stadt Castrop-Rauxel",
                "habinghorst@example.org",
                "02305 555 1610",
            ),
        ],
        "areas": [
            {
                "slug": "habinghorst",
                "title": "Habinghorst",
                "location": (51.5760, 7.2950),
                "address": "Lange Straße, 44579 Castrop-Rauxel",
                "status": RUNNING,
                "start_year": 2013,
                "inhabitants": 9000,
                "area_ha": 210,
                "tags": ["Grün", "Lokale Ökonomie", "Familie"],
                "intro": "Habinghorst liegt am Rhein-Herne-Kanal; das Programm öffnet den Stadtteil zum Wasser.",
                "situation": "Leerstand an der Langen Straße und wenig Bezug zum Kanal.",
                "potentials": "Das Kanalufer und der Hafen bieten Raum für Freizeit.",
                "approaches": ["Kanalufer zugänglich machen", "Stärkung der Langen Straße", "Familienangebote"],
                "partners": ["Quartiersbüro Habinghorst", "Emschergenossenschaft", "Einzelhandel"],
                "milestones": [
                    (2013, "Programmstart", "Handlungskonzept Habinghorst."),
                    (2018, "Promenade am Kanal", "Erster Abschnitt fertig."),
                    (2024, "Neue Mitte", "Der Platz an der Langen Straße wird umgebaut."),
                ],
                "perspective": "Der Stadtteil soll sich noch stärker zum Kanal hin öffnen.",
                "contacts": ["Melanie Wolff"],
            },
        ],
    },
    {
        "title": "Hagen",
        "slug": "hagen",
        "region": "arnsberg",
        "website": "https://www.hagen.de/",
        "teaser": "Hagen ist mit Altenhagen und Wehringhausen im Städtenetz vertreten.",
        "intro": "Die Stadt am Rand des Sauerlands erneuert zwei innenstadtnahe Quartiere.",
        "contacts": [
            _contact(
                "Thomas Krämer", "Quartiersmanagement", "Stadt Hagen", "hagen-quartiere@example.org", "02331 555 1710"
            ),
        ],
        "areas": [
            {
                "slug": "altenhagen",
                "title": "Altenhagen",
                "location": (51.3720, 7.4760),
                "address": "Altenhagener Straße, 58097 Hagen",
                "status": RUNNING,
                "start_year": 2017,
                "inhabitants": 17000,
                "area_ha": 290,
                "tags": ["Integration", "Wohnen", "Bildung"],
                "intro": "Altenhagen nördlich der Innenstadt ist Ankunftsort für viele Zugewanderte.",
                "situation": "Viele Altbauten sind vernachlässigt; Schulen stehen vor großen Aufgaben.",
                "potentials": "Kurze Wege in die Innenstadt und zahlreiche Vereine.",
                "approaches": ["Bildungsangebote", "Problemimmobilien", "Aufwertung von Plätzen"],
                "partners": ["Quartiersbüro Altenhagen", "Schulen", "Migrantenorganisationen"],
                "milestones": [
                    (2017, "Programmstart", "Soziale Stadt Altenhagen."),
                    (2020, "Quartiersbüro eröffnet", "Anlaufstelle an der Altenhagener Straße."),
                    (2024, "Neuer Spielplatz", "Geplant mit Kindern aus dem Stadtteil."),
                ],
                "perspective": "Bildung bleibt der wichtigste Schlüssel für Altenhagen.",
                "contacts": ["Thomas Krämer"],
            },
            {
                "slug": "wehringhausen",
                "title": "Wehringhausen",
                "location": (51.3530, 7.4550),
                "address": "Wilhelmsplatz, 58089 Hagen",
                "status": RUNNING,
                "start_year": 2010,
                "inhabitants": 13000,
                "area_ha": 150,
                "tags": ["Wohnen", "Beteiligung", "Lokale Ökonomie"],
                "intro": "Ein gründerzeitliches Quartier mit kreativer Szene und viel Eigeninitiative.",
                "situation": "Leerstand und Sanierungsstau trafen auf eine junge, aktive Bewohnerschaft.",
                "potentials": "Schöne Altbauten und Initiativen, die Leerstände neu nutzen.",
                "approaches": ["Wilhelmsplatz", "Zwischennutzungen", "Quartiersfonds"],
                "partners": ["Quartiersbüro Wehringhausen", "Hagener Künstlerinnen und Künstler", "Eigentümer"],
                "milestones": [
                    (2010, "Programmstart", "Soziale Stadt Wehringhausen."),
                    (2015, "Wilhelmsplatz umgebaut", "Der Platz wird Treffpunkt."),
                    (2022, "Fortschreibung", "Neue Ziele für Wohnen und Klima."),
                ],
                "perspective": "Wehringhausen soll bezahlbar und lebendig bleiben.",
                "contacts": ["Thomas Krämer"],
            },
        ],
    },
    {
        "title": "Aachen",
        "slug": "aachen",
        "region": "koeln",
        "website": "https://www.aachen.de/",
        "teaser": "Aachen erneuert den Norden der Stadt zwischen Bahn und Innenstadt.",
        "intro": "Die Stadt im Dreiländereck bringt ihre Erfahrungen aus Aachen-Nord ein.",
        "contacts": [
            _contact("Laura Hermanns", "Stadtteilbüro", "Stadt Aachen", "aachen-nord@example.org", "0241 555 1810"),
        ],
        "areas": [
            {
                "slug": "aachen-nord",
                "title": "Aachen-Nord",
                "location": (50.7850, 6.0950),
                "address": "Jülicher Straße, 52070 Aachen",
                "status": RUNNING,
                "start_year": 2009,
                "inhabitants": 17000,
                "area_ha": 320,
                "tags": ["Grün", "Bildung", "Integration"],
                "intro": "Ein Quartier zwischen Gewerbe, Bahnlinien und Innenstadt mit jungen Familien aus "
                "vielen Ländern.",
                "situation": "Gewerbebrachen, wenig Grün und Verkehrsachsen zerschneiden das Quartier.",
                "potentials": "Frei werdende Flächen und die Nähe zu Hochschulen.",
                "approaches": ["Grüne Wege durch das Quartier", "Bildungsnetzwerk", "Stadtteilbüro"],
                "partners": ["Stadtteilbüro Aachen-Nord", "RWTH Aachen", "Kitas und Schulen"],
                "milestones": [
                    (2009, "Programmstart", "Soziale Stadt Aachen-Nord."),
                    (2014, "Neuer Park", "Ein Park auf einer alten Gewerbefläche."),
                    (2021, "Fortschreibung", "Schwerpunkt Klimaanpassung und Bildung."),
                ],
                "perspective": "Die Grünverbindungen sollen bis zur Innenstadt reichen.",
                "contacts": ["Laura Hermanns"],
            },
        ],
    },
]
