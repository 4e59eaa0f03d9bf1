"""Swedish cues of the dialogue rules (bot/triage/foreign.py explains the pattern language).

The same names as bot/triage/cues_en.py, so each rule reads either table. Written for how
people in Finland write Swedish in a chat: spoken "ja" for "jag", "nån", "int" for "inte",
"he" for "det", "e" for "är", Finnish service names in Swedish (bankkoder, nätbankskoder,
mobilcertifikat, Suomi.fi-fullmakter, intressebevakning).

Collisions with Finnish ("ja", "men", "kan", "hen", "en") do not matter here: these cues are
consulted only in a Swedish conversation. Within Swedish, "ja" is both "yes" and spoken "jag",
so it counts as a first-person subject only where a subject is looked for.
"""

# ------------------------------------------------------------------ words many rules use
NEGATIONS = frozenset(
    {"inte", "int", "inge", "ej", "icke", "aldrig", "ingen", "inget", "inga", "ingenting",
     "varken"}
)  # fmt: skip
#: Looking back for a negation stops at these: "jag fattade inte och gav koderna".
CLAUSE_STOPS = frozenset({"och", "men", "så", "sen", "sedan", "för", "när", "fast", "utan"})
BUT = frozenset({"men", "fast", "dock", "ändå", "utan"})
#: Swedish puts "inte" after the finite verb: "jag använder inte", "hon kan inte".
NEGATION_AFTER = 2
INTERJECTIONS = frozenset()
FIRST_PERSON = frozenset({"jag", "ja", "jaa", "vi"})
#: Codes given to the writer (by a spouse, a parent) are no scam in progress: "han har gett dom
#: åt mig", "she gave me her codes". The object right after the verb, or "to me" a few words on.
GIVEN_TO_ME = frozenset({"mig", "mej", "oss"})
TO_WRITER = ("åt/till mig/mej/oss",)
SUBJECTS = FIRST_PERSON | frozenset(
    {
        "han", "hon", "hen", "de", "dom", "någon", "nån", "en", "man", "det", "he", "den",
        "som", "mamma", "pappa", "mor", "far", "banken", "polisen", "bedragaren", "bedragarna",
        "mannen", "kvinnan", "personen", "killen",
    }
)  # fmt: skip
HYPOTHETICAL = frozenset({"ifall", "skulle", "skull", "tänk", "antag"})
#: "om" is "if" only before a subject ("om jag ger"); "frågade om koderna" is "about".
HYPOTHETICAL_WITH_SUBJECT = frozenset({"om"})
QUESTION_START = frozenset(
    {"är", "e", "har", "kan", "hur", "vad", "blev", "borde", "ska", "kunde", "månne", "finns"}
)
WONDERING = frozenset(
    {"ifall", "undrar", "rädd", "orolig", "oroar", "förhindra", "undvika", "skydda",
     "kanske", "möjligen", "eventuellt", "skulle", "risk", "befarar"}
)  # fmt: skip

# ------------------------------------------------------------------ urgency
GIVING = (
    "gav", "gett", "givit", "getts", "lämnade", "lämnat", "lämnats", "skrev", "skrivit",
    "skrevs", "knappade", "knappat", "matade", "matat", "fyllde", "fyllt", "angav", "angett",
    "angivit", "uppgav", "uppgett", "berättade", "berättat", "sa", "sade", "sagt",
    "skickade", "skickat", "skickats", "delade", "delat", "tryckte", "tryckt", "slog", "slagit",
    "la", "lade", "lagt", "loggade", "loggat", "identifierade", "identifierat",
    "legitimerade", "legitimerat", "godkände", "godkänt", "bekräftade", "bekräftat",
    "avslöjade", "avslöjat", "överlämnade", "överlämnat", "läste ~ upp", "läst ~ upp",
)  # fmt: skip
#: A past auxiliary and an infinitive of giving: "råkade skriva in", "hann ge".
GIVING_AUX = ("råkade", "råka", "hann", "lyckades", "kom att", "gick och", "började")
GIVING_INFINITIVE = (
    "ge", "skriva", "knappa", "mata", "fylla", "lämna", "uppge", "ange", "berätta", "skicka",
    "dela", "trycka", "slå", "logga", "godkänna", "bekräfta", "läsa", "säga",
)  # fmt: skip
#: A code typed wrong is no secret given ("skrev in fel kod tre gånger").
WRONG = frozenset({"fel", "felaktig", "felaktiga", "felaktigt", "gamla", "gammal", "gammla"})
#: Codes typed into the real service, with no sign of a scam, are an ordinary login.
LEGIT_SERVICES = (
    "nätbank*", "internetbank*", "suomi.fi*", "omakanta", "mina kanta*", "kanta", "omafpa",
    "fpa", "fpa:s", "omavero", "minskatt", "bankappen", "bankens app*", "bankautomat*",
    "automaten", "automat",
)  # fmt: skip
SCAM_SIGNS = (
    "länk*", "sida", "sidan", "sidor", "webbsida*", "hemsida*", "sajt*", "sms*", "meddelande*",
    "mejl*", "mail*", "e-post*", "bedrag*", "bluff*", "falsk*", "lurad*", "ringde", "ringer",
    "samtal*", "främling*", "någon", "nån", "man", "kvinna", "telefon*", "misstänkt*",
    "konstig*", "skum*",
)  # fmt: skip
GIVING_AMBIGUOUS = ()
NON_PAST_BEFORE = frozenset()
#: A giving verb followed by these reports speech or an order: "sa att", "bad mig att".
REPORTED = ("att", "hur", "om att")
#: Verbs of saying, and what after them reports speech or an order: "sa han", "sa åt mig".
SPEECH_VERBS = frozenset({"sa", "sade", "sagt", "berättade", "berättat", "skrev", "skrivit"})
REPORTED_SPEECH = (
    "åt mig/mej/oss", "till mig att", "han/hon/hen/de/dom/det/jag/ja/vi/du/man",
    "mig/mej/oss/henne/honom ~1 att",
)  # fmt: skip
SECRETS = (
    "kod*", "bankkod*", "nätbankskod*", "nätbankkod*", "pin", "pinkod*", "pin-kod*",
    "lösen*", "kortnummer*", "kortnumret", "kortuppgift*", "kortinformation*", "kortinfo",
    "cvc", "cvv*", "säkerhetskod*", "verifieringskod*", "bekräftelsekod*",
    "engångskod*", "sms-kod*", "nyckeltal*", "nyckelkod*", "bankuppgift*", "kontouppgift*",
    "inloggningsuppgift*", "användarnamn*", "användar-id", "mobilcertifikat*", "bankid",
    "bank-id", "personbeteckning*", "koderna",
)  # fmt: skip
#: A card on its own ("gav kortet") is a secret only with a sign of a scam in the sentence:
#: "jag la kortet i plånboken" gives nothing away.
CARDS = (
    "kort", "kortet", "korten", "kortets", "bankkort*", "kreditkort*", "betalkort*",
    "debetkort*",
)  # fmt: skip
DETAILS = ("uppgift*", "personuppgift*", "information*", "info", "kontaktuppgift*")
LINKS = (
    "länk*", "sida", "sidan", "sidor", "webbsida*", "hemsida*", "sajt*", "sms*",
    "meddelande*", "textmeddelande*", "mejl*", "mail*", "e-post*", "epost*", "webbplats*",
)  # fmt: skip
APPROVING = (
    "godkände", "godkänt", "bekräftade", "bekräftat", "accepterade", "accepterat", "tryckte",
    "tryckt", "klickade", "klickat", "verifierade", "verifierat",
)  # fmt: skip
APPROVED = (
    "app*", "bankapp*", "mobilapp*", "inloggning*", "begäran", "förfrågan", "betalning*",
    "transaktion*", "identifiering*", "legitimering*", "bekräftelse*", "godkänn", "notis*",
    "avisering*", "överföring*",
)  # fmt: skip
MONEY = (
    "pengar*", "euro*", "eur", "€", "sparpengar*", "besparing*", "sparkonto*", "konto",
    "kontot", "konton", "kontona", "bankkonto*", "saldo*", "summa*", "belopp*", "pension*",
    "kontanter",
)  # fmt: skip
ACCOUNTS = ("konto", "kontot", "konton", "kontona", "bankkonto*", "sparkonto*")
TAKING = (
    "försvann", "försvunnit", "försvunna", "försvunnen", "borta", "tog", "tagit", "tagits",
    "togs", "tagna", "stal", "stulit", "stulits", "stulna", "stals", "länsade", "länsat",
    "länsats", "länsades", "länsad", "tömde", "tömt", "tömts", "tömdes", "tömd", "överförde",
    "överfört", "överförts", "överfördes", "drogs", "dragits", "drog", "debiterade",
    "debiterat", "debiterats", "debiterades", "lurade", "lurat", "lurad", "lurades",
    "lurats", "bedragen", "bestulen", "rånad", "rånade", "plockade", "lyfte", "lyfts",
    "lyftes",
)  # fmt: skip
LOSING = ("förlorade", "förlorat", "tappade", "tappat", "miste", "mist")
LEAVING = ("gick", "gått", "gåt")
MISSING = ("saknas", "fattas", "saknades", "fattades")
PAYING = ("betalade", "betalat", "betalt", "skickade", "skickat", "överförde", "överfört",
          "swishade")  # fmt: skip
#: "hann betala": paid in time, after a past auxiliary (GIVING_AUX).
PAYING_INFINITIVE = ("betala", "skicka", "överföra", "swisha")
TIME_WORDS = frozenset(
    {"tid", "lång", "länge", "dagar", "dag", "veckor", "vecka", "timmar", "timme", "minuter",
     "månader", "månad", "år", "evigheter"}
)  # fmt: skip
PASSIVE = frozenset({"blev", "blivit", "var", "är", "e", "vart", "bli"})
#: "tog över", "tog hand om": no money taken.
TAKING_NOT_BEFORE = frozenset({"över", "hand", "del", "emot"})
CALLING_VERBS = ("ringde", "ringer", "ringt", "ringa", "ringdes", "ringat", "ringd")
CALLING_NOUNS = (
    "samtal*", "telefon*", "uppringd*", "linjen", "luren", "telefonsamtal*", "uppringare",
    "den som ringde",
)  # fmt: skip
ASKING = (
    "fråga*", "ber", "bad", "begär*", "kräv*", "krävde", "vill", "ville", "tjat*", "behöv*",
    "sa åt", "uppmanade", "pressade", "tvingade", "frågar", "frågade", "bett", "frågat",
    "efterfrågade", "undrade",
)  # fmt: skip
MODALS = frozenset({"kan", "kunde", "får", "ska", "skulle", "måste", "bör", "borde"})
HOW = frozenset({"hur", "varför", "var", "när"})
REMOTE_ACCESS = (
    "anydesk*", "teamviewer*", "supremo*", "quicksupport*", "rustdesk*", "ultraviewer*",
    "fjärrstyr*", "fjärråtkomst*", "fjärrskrivbord*", "fjärrprogram*", "fjärranslutning*",
    "fjärrkontroll*", "fjärrapp*",
)  # fmt: skip
INSTALLING = (
    "installerade", "installerat", "laddade", "laddat", "öppnade", "öppnat", "körde",
    "startade", "gav ~ tillgång", "släppte in",
)  # fmt: skip
INSTALL = ("installera", "ladda", "öppna", "köra", "starta", "ge", "släppa")
COMMANDED = (
    "bad", "sa", "sade", "fick", "ville", "instruerade", "uppmanade", "lurade", "guidade",
    "övertalade", "tvingade",
)  # fmt: skip
INSTALL_QUESTION = frozenset(
    {"hur", "var", "varifrån", "vad", "kan", "får", "ska", "säkert", "ifall", "om"}
)
HIJACKED = (
    "hackad*", "hackat*", "hackade", "hackats", "kapad*", "kapat*", "kapade", "kapats",
    "tagit över", "tog över", "tagits över", "togs över", "övertagen", "övertaget",
    "övertagit", "bröt sig in", "brutit sig in", "intrång", "dataintrång", "kommit åt",
    "kom åt", "kommit in i", "kom in i", "kapning", "hackerattack*",
)  # fmt: skip
ACCOUNT_WORDS = (
    "konto*", "e-post*", "epost*", "mejl*", "mail*", "gmail", "outlook", "hotmail",
    "whatsapp*", "facebook*", "fb", "instagram*", "insta", "messenger", "profil*",
    "nätbank*", "inloggning*", "kod*", "lösenord*",
)  # fmt: skip

# ------------------------------------------------------------------ answers: the need level
EXPLICIT_LEVEL = r"\bnivå(?:n|er)?\s*(?:nr\.?\s*|nummer\s*)?([1-4]|ett|en|två|tre|fyra)\b(?!\s*%)"
NUMBER_WORDS = {
    "1": 1, "ett": 1, "etta": 1, "ettan": 1, "1:an": 1, "1:a": 1, "första": 1,
    "2": 2, "två": 2, "tvåa": 2, "tvåan": 2, "2:an": 2, "2:a": 2, "andra": 2,
    "3": 3, "tre": 3, "trea": 3, "trean": 3, "3:an": 3, "3:e": 3, "tredje": 3,
    "4": 4, "fyra": 4, "fyran": 4, "4:an": 4, "4:e": 4, "fjärde": 4,
}  # fmt: skip
NUMBER_FILLERS = frozenset(
    {"nivå", "nivån", "nummer", "nr", "alternativ", "alternativet", "den", "det", "är", "e",
     "jag", "ja", "tror", "nog", "kanske", "väl", "typ", "tack", "säger", "skulle", "säga",
     "ok", "okej", "då", "så", "antagligen", "troligen"}
)  # fmt: skip
CONDITIONS = (
    "dement*", "demens*", "alzheimer*", "minnessjuk*", "minnesstörning*", "minnesproblem*",
    "minnessvikt*", "minnesförlust*", "minnet ~ svikt*", "minnet ~ dålig*", "minnet ~ svag*",
    "minnet ~ försämr*", "minnet ~ borta", "minnet ~ går", "minnet ~ sviker", "dåligt minne",
    "minnessvag*", "blind", "blinda", "synskad*", "synsvag*", "gravt synskad*", "dövblind*",
    "utvecklingsstörd*", "utvecklingsstörning*", "intellektuell funktionsnedsättning",
    "förlamad*", "förlamning*", "stroke", "slaganfall*", "hjärninfarkt*", "parkinson*",
    "skakningar", "darrar", "darriga händer", "skakiga händer",
)  # fmt: skip
SIGHT = (
    "ser ~1 inte/int/dåligt", "ser nästan ingenting", "synen ~ dålig/svag/borta/sviktar/går",
    "dålig syn", "svag syn", "kan inte se", "ser illa",
)  # fmt: skip
DEVICES = (
    "dator*", "smarttelefon*", "smartphone*", "pekskärmstelefon*", "mobil", "mobiltelefon*",
    "telefon", "surfplatta*", "surfplattor", "ipad*", "laptop*", "bärbar*", "internet*",
    "nätet", "nät", "nätuppkoppling*", "uppkoppling*", "wifi", "wi-fi", "enhet*", "pc",
    "smartmobil*", "mobilen",
)  # fmt: skip
LACKING = (
    "ingen", "inget", "inga", "saknar", "saknas", "utan", "har inte", "har int",
    "har inte någon/nån", "har aldrig haft", "äger inte", "äger ingen", "har ej",
    "inte ens", "har inte ens",
)  # fmt: skip
NOT_POSSESSION = (
    "använ*", "erfarenhet*", "vana", "aning", "kunskap*", "kan", "lär*", "bra", "problem*",
    "med", "på", "i", "till", "för", "om", "den", "det", "denna",
)  # fmt: skip
BASIC_PHONES = (
    "nokia", "knapptelefon*", "vanlig telefon", "vanlig mobil", "gammal telefon",
    "gammal mobil", "gammaldags telefon", "fast telefon", "fasttelefon", "lurtelefon",
    "enkel telefon", "enkel mobil", "klaffmobil*", "knappmobil*", "vanliga telefon",
)  # fmt: skip
ONLY = frozenset({"bara", "endast", "enbart", "blott"})
CANNOT = (
    "förmår inte", "förmår int", "kan inte längre", "kan int längre", "klarar inte längre",
    "klarar int längre", "orkar inte", "orkar int", "kan inte alls använda",
    "kan int alls använda", "är inte kapabel", "inte i stånd", "oförmögen", "har inte förmåga*",
    "klarar inte alls",
)  # fmt: skip
MUCH = (
    "mycket hjälp", "mycket stöd", "mycket handledning", "behöver ~ mycket", "väldigt mycket",
    "jättemycket", "massor", "massa hjälp", "ordentligt", "grundligt", "från början",
    "från grunden", "grunderna", "steg för steg", "i handen", "handen", "alls",
    "överhuvudtaget", "allt",
)  # fmt: skip
NOT_AT_ALL = ("alls", "överhuvudtaget", "någonting", "nånting", "ett dugg")
NEVER = ("aldrig", "inte någonsin")
USE = ("använder", "använt", "använda", "använd", "kan", "klarar", "vet ~1 hur", "fixar",
       "sköter")  # fmt: skip
LITTLE = (
    "lite", "litet", "lite grann", "litegrann", "en aning", "något stöd", "nåt stöd",
    "lite stöd", "lite råd", "pyttelite", "några tips", "lite tips", "lite vägledning",
    "en del hjälp",
)  # fmt: skip
HELP = (
    "hjälp*", "stöd*", "råd", "handledning*", "visa*", "lära", "lär", "förklara*",
    "vägledning*", "guida*", "tips",
)  # fmt: skip
SELF_WORDS = ("länk*", "instruktion*", "anvisning*", "guide*", "adress*", "själv", "webbadress*")
ENOUGH = ("räcker", "räcka", "räckt", "bara", "enbart", "endast", "duger", "tillräckligt",
          "skicka", "skickar", "nog")  # fmt: skip
KNOWS_ALONE = (
    "klarar mig själv", "klarar det själv", "klarar mig", "kan själv", "kan det själv",
    "fixar det själv", "fixar själv", "gör det själv", "sköter det själv", "på egen hand",
    "vet hur", "kan göra det själv",
)  # fmt: skip
USING = ("använder", "brukar använda", "sköter", "använder mig av")
#: Everyday use said in passing: "hon ringer och tar bilder varje dag", "använder datorn dagligen".
EVERYDAY_USE = (
    "använder ~3 varje dag/vecka", "använder ~3 dagligen", "~2 varje dag", "dagligen",
    "brukar bara ~2", "klarar ~1 sig/mej/mig bra ~2 annars", "annars ~2 bra",
)  # fmt: skip
#: Something the person used and that stopped working: they use it and need a hand (level 2).
WORKED_BEFORE = (
    "slutade funka/fungera/gå", "funkar/fungerar/går int/inte längre/mera/mer",
    "brukar ~1 funka/fungera/gå", "har/hade ~2 använt/läst/gjort/skött ~3 förut/förr/innan",
    "har/hade glömt ~1 lösenord*/kod*/koden/pin*/användarnamn*", "glömt ~1 lösenord*/pin*",
    "efter ~1 uppdatering*", "har/hade ~1 fungerat/funkat", "tog slut", "gått/gick ut",
    "bytte/bytt ~1 telefon*/mobil*", "ny/nya telefon*/mobil*",
)  # fmt: skip
SKILL = ("kan", "vet hur", "klarar", "duktig", "bra på")
NEGATED_ABILITY = ("oförmögen", "inte i stånd", "har ingen aning hur", "ingen aning om hur")
ABILITY = (
    "kan", "klarar", "förstår", "begriper", "fattar", "lyckas", "kommer ~1 in", "lär", "orkar",
    "förmår", "vet hur", "vet ~1 hur", "hänger med",
)  # fmt: skip
#: After "kan inte", these make it no lack of skill: "kan inte hitta", "kan inte öppna".
ABILITY_EXCEPT = ("hitta", "hittar", "se", "öppna", "komma ihåg", "få", "ladda", "svara")

# ------------------------------------------------------------------ the form of help
FORMS = {
    "home_visit": (
        "hembesök*",
        "hem till",
        "komma hem",
        "kommer hem till",
        "kom hem till",
        "besök* ~ hemma",
        "besök* ~ hem",
        "hemma hos",
        "hjälp* ~ hemma",
        "hemhjälp*",
        "till hemmet",
        "i hemmet",
        "hemservice",
        "komma ~1 hit",
        "kommer ~1 hit",
        "någon ~ hem",
        "nån ~ hem",
    ),
    "in_person": (
        "på plats",
        "på platsen",
        "sitter/sitta/sätter/sätta ~1 bredvid",
        "bredvid ~1 mig/mej/henne/honom",
        "personligen",
        "ansikte mot ansikte",
        "öga mot öga",
        "träffa någon/nån",
        "träffa en människa/person",
        "gå dit",
        "komma dit",
        "åka dit",
        "gå till ~ bibliotek*/kontor*/servicepunkt*/disken/banken",
        "besöka ~ bibliotek*/kontor*/servicepunkt*",
        "vid disken",
        "fysiskt",
        "ställe ~ gå/åka",
        "någonstans ~ gå/åka",
        "nånstans ~ gå/åka",
        "vart ~ gå/åka",
        "var ~ kan ~ gå",
        "ställe dit",
        "i verkligheten",
        "irl",
        "titta in",
    ),
    "phone": (
        "per telefon",
        "via telefon",
        "över telefon",
        "på telefon",
        "telefonledes",
        "telefonrådgivning*",
        "telefonservice*",
        "telefonhjälp*",
        "telefonstöd*",
        "telefontid*",
        "telefonnummer ~ ringa",
        "ringa mig/mej/upp",
        "ringa henne/honom/mamma/pappa/oss/dem",
        "ring mig/mej/upp",
        "ringer upp",
        "kan/kunde/skulle/får ~ ringa",
        "nummer ~ ringa",
        "numret ~ ringa",
        "hellre ~ telefon*",
        "helst ~ telefon*",
        "vill ~ telefon",
        "prata ~ telefon",
    ),
    "remote": (
        "chatt",
        "chatten",
        "via chatt*",
        "i chatten",
        "chatta",
        "chattar",
        "chattbox*",
        "videosamtal*",
        "via video",
        "över video",
        "på video",
        "på distans",
        "distanshjälp*",
        "distansstöd*",
        "fjärrhjälp*",
        "fjärrstöd*",
        "skärmdelning*",
        "dela ~ skärm*",
        "chat",
    ),
    "paper": (
        "på papper",
        "papperblankett*",
        "pappersblankett*",
        "pappersformulär*",
        "pappersversion*",
        "pappersansökan*",
        "pappersräkning*",
        "papperspost",
        "pappersbrev",
        "papperskopia*",
        "pappersfaktura*",
        "per post",
        "med posten",
        "via posten",
        "per brev",
        "med brev",
        "brevledes",
        "i brevlådan",
        "utan ~ internet*",
        "utan ~ dator*",
        "utan ~ nätet",
        "skriftligt",
        "på pappret",
    ),
}
FORM_NOT_A_WISH = (
    "chatten fungerar/funkar ~1 inte/int", "chatten är trasig", "chatt fungerar inte",
)  # fmt: skip
FORM_REFUSAL = frozenset({"inte", "int", "ej", "ingen", "inget", "inga", "aldrig", "hatar"})
FORM_RATHER_THAN = ("än", "istället för", "i stället för", "hellre än")
FORM_PAPER_WISH = (
    "vill*", "kan", "kunde", "får", "skulle", "helst", "hellre", "istället", "i stället",
    "tack", "beställa", "be om", "finns", "fortsättningsvis", "längre", "fortfarande", "bara",
    "igen", "önskar", "möjligt", "behöver",
)  # fmt: skip
PERSON = (
    "riktig människa", "riktig person", "verklig person", "levande människa",
    "prata/tala ~ med ~ människa/person/någon/nån", "inte ~ robot*", "inte ~ bot*",
    "inte ~ chattbot*", "ingen robot", "ingen bot", "någon/nån ~ ringa mig/mej/henne/honom/oss",
    "kan någon ringa", "kan nån ringa", "kunde någon ringa", "kunde nån ringa",
)  # fmt: skip

# ------------------------------------------------------------------ thanks and farewells
THANKS = ("tack*", "tusen tack", "stort tack", "tacksam*", "tackar", "thanks", "thx", "kiitos")
BYE = (
    "hej då", "hejdå", "adjö", "ajö", "ha det/de ~1 bra/gott/fint/skönt", "vi hörs", "vi ses",
    "trevlig dag/kväll/helg", "ha en bra/fin/trevlig/skön dag/kväll/helg", "god natt",
    "godnatt", "nu slutar jag", "bye", "morjens då", "hej hej då", "sköt om dig",
)  # fmt: skip
NOTHING_ELSE = (
    "det var allt", "det är allt", "det var det", "inget mer", "inget annat", "ingenting mer",
    "ingenting annat", "inga fler frågor", "inga mer frågor", "det räcker", "det räcker så",
    "nej det var allt", "allt klart", "det var bra så", "det är bra så", "det blir bra",
)  # fmt: skip
NOTHING_ELSE_TAIL = frozenset(
    {"tack", "för", "idag", "nu", "så", "länge", "hej", "då", "mycket", "tusen", "stort",
     "bra", "hejdå"}
)  # fmt: skip
GREETINGS = ("hej", "hejsan", "hallå", "tjena", "tjenare", "tja", "morjens", "morjes",
             "god dag", "moi", "hei", "hello", "hi", "goddag")  # fmt: skip
GREETING_TWICE = ("hej hej", "hejsan hejsan", "tja tja")
QUESTION_WORDS = frozenset(
    {"hur", "vad", "var", "varför", "vem", "vilken", "vilket", "vilka", "när", "kan", "får",
     "finns", "är", "har", "ska", "borde", "måste", "vart", "varifrån", "vems", "kunde",
     "skulle", "hurdan"}
)  # fmt: skip
QUESTION_JOINERS = frozenset({"och", "men", "så", "också", "okej", "ok", "sen", "då"})

# ------------------------------------------------------------------ permission questions
PERMISSION = (
    "får jag/man/vi/hen/han/hon/de/dom/min/mitt/mina/någon/nån/ni/en/anhöriga",
    "får ~2 jag/man", "kan man", "kan jag", "kan vi", "kan ni", "kan hen/han/hon",
    "kan min/mitt/mina", "kan någon/nån/anhöriga/hjälparen/stödpersonen/digistödet",
    "måste jag/man/vi/hen/han/hon", "behöver jag/man/vi", "ska jag/man",
    "är det ~1 tillåtet/ok/okej/lagligt/lov/olagligt/godkänt",
    "är det i sin ordning", "har jag/hen/han/hon/man/ni ~1 rätt att", "har ni lov",
    "gör ni", "reparerar ni", "lagar ni", "installerar ni", "uppdaterar ni", "fyller ni i",
    "loggar ni in", "sköter ni", "hjälper ni ~ med att logga", "tillåtet", "lov att",
)  # fmt: skip
#: After these a "ska jag" asks how, not whether: "hur ska jag göra med ansökan".
PERMISSION_NOT_AFTER = frozenset({"hur", "vad", "var", "vart", "när", "varför", "vilken", "vilket"})
#: A question opening with these asks what someone may or must do: "får digistödet...".
PERMISSION_START = frozenset({"får", "måste", "behöver", "bör", "borde"})
POLITE = ("skulle ~1 kunna", "kunde", "kan du", "vill du", "kan ni")
HELPERS = (
    "digistöd*", "stödperson*", "hjälpare*", "hjälparen", "handledar*", "rådgivar*",
    "biblioteket", "bibliotek*", "personal*", "frivillig*", "ni", "servicepunkt*",
)  # fmt: skip
ON_BEHALF = (
    "åt mig/mej/oss/henne/honom/hen/mamma/pappa/dem/min/mitt/mina/dig",
    "för min/hens/hennes/hans/mammas/pappas/vår räkning", "i mitt/hennes/hans/hens ställe",
    "i mitt/hennes/hans/hens namn", "med mina/hennes/hans/hens koder",
    "med mina/hennes/hans/hens bankkoder", "logga in som",
)  # fmt: skip

# ------------------------------------------------------------------ which limit a question is about
LIMIT_CUES = {
    "act_on_behalf": (
        "åt mig/mej/oss/henne/honom/hen/mamma/pappa/dem",
        "för min/hens/hennes/hans räkning",
        "i mitt/hennes/hans ställe",
        "logga* in",
        "loggar in",
        "inloggning*",
        "fullmakt*",
        "suomi.fi-fullmakt*",
        "intressebevak*",
        "ombud",
        "företräda",
        "sköta ~ ärend*",
        "uträtta",
        "ärenden åt",
        "sköta åt",
        "sköter åt",
        "i mitt namn",
        "valtuutus",
    ),
    "handle_credentials": (
        "kod*",
        "bankkod*",
        "nätbankskod*",
        "lösenord*",
        "pin",
        "pinkod*",
        "pin-kod*",
        "nyckeltal*",
        "mobilcertifikat*",
        "certifikat*",
        "identifier*",
        "identifikation*",
        "stark autentisering",
        "autentiser*",
        "legitimer*",
        "användarnamn*",
        "bankid",
    ),
    "application_content": (
        "ansökan",
        "ansökningen",
        "ansökningar*",
        "blankett*",
        "formulär*",
        "fylla i",
        "fyller i",
        "fyll i",
        "skriva",
        "skriver",
        "motivering*",
        "bilag*",
        "innehåll*",
        "punkt*",
        "utredning*",
        "svara",
        "svar",
        "besvär",
    ),
    "device_repair": (
        "reparer*",
        "laga",
        "lagar",
        "reparation*",
        "uppdater*",
        "installer*",
        "trasig*",
        "sönder",
        "virus*",
        "ställa in",
        "inställning*",
        "service",
        "underhåll*",
        "dator*",
        "telefon*",
        "mobil*",
        "surfplatt*",
        "enhet*",
        "app",
        "appen",
        "appar",
        "skärm*",
        "laptop*",
    ),
    "fraud_response": (
        "bedrägeri*",
        "bedragare*",
        "lurad*",
        "lura*",
        "nätfiske",
        "dataintrång",
        "hackad*",
        "kapad*",
        "avbryt*",
        "ångra",
        "stoppa",
        "spärra*",
        "polisanmälan",
        "anmälan",
        "tillbaka",
        "återfå",
        "återbetal*",
        "få ~ pengarna",
    ),
}
LIMIT_CONTEXT_ONLY = (
    "dator*", "telefon*", "mobil*", "surfplatt*", "enhet*", "app", "appen", "appar", "skärm*",
    "laptop*", "logga* in", "loggar in", "inloggning*", "service",
)  # fmt: skip

# ------------------------------------------------------------------ the services a message names
# Read by bot/triage/topic_evidence.py. A Swedish speaker writes Finnish service names too
# ("omakanta", "mobiilivarmenne", "pankkitunnukset"): those come from its Finnish stems.
#: Cues that name a topic's service. The most specific cue wins a word, more words first, then
#: a longer cue: "nätbankskoder" is identification ("nätbankskod*"), not banking ("nätbank*").
TOPIC_STEMS = {
    "banking": (
        "bank", "banken", "bankens", "banker", "bankerna", "nätbank*", "webbank*",
        "internetbank*", "onlinebank*", "mobilbank*", "bankapp*", "bankärend*", "bankkort*",
        "bankkonto*", "bankkontor*", "bankautomat*", "banktjänst*", "räkningar*", "räkningen",
        "e-räkning*", "betala ~2 räkning", "e-faktura*", "efaktura*", "faktura*", "fakturor*",
        "förfallodag*", "kontoutdrag*", "girer*", "betalningstjänst*", "nordea*", "aktia*",
        "danske*", "ålandsbank*", "sparbank*", "handelsbank*", "s-bank*", "op-app*",
    ),
    "identification": (
        "bankkod*", "nätbankskod*", "nätbankkod*", "webbankskod*", "bankid*", "bank-id*",
        "mobilcert*", "mobil-id*", "mobilid", "identifier*", "identifikation*", "legitimer*",
        "e-legitimation*", "autentiser*", "nyckeltal*", "nyckelkod*", "kodlist*", "pinkod*",
        "pin-kod*", "id-kort*", "identitetskort*", "suomi.fi-identifi*", "kodapp*",
        "nordea/aktia/danske/op/s-bank/sparbank* kod*", "bankens/banken kodapp*",
    ),
    "suomifi_messages": (
        "suomi.fi*/suomifi* ~1 meddelande*/post/posten/brev*/inkorg*",
        "suomi fi ~1 meddelande*/post/posten/brev*/inkorg*", "suomi.fi-meddelande*",
        "suomifi-meddelande*", "suomi.fi-post*", "myndighetspost*", "myndighetsmeddelande*",
        "myndighetsbrev*", "meddelande*/post/brev från ~2 myndighet*",
        "myndighet* ~1 post/posten/brev*/meddelande*",
    ),
    "authorizations": (
        "fullmakt*", "framtidsfullmakt*", "suomi.fi-fullmakt*", "intressebevak*", "ombud",
        "ombudet", "befullmäktig*", "förmynd*", "behörighet*",
        "rätt att sköta/se/hantera/uträtta/göra/ta",
    ),
    "e_services": (
        "kanta", "kanta.fi", "mina kanta*", "kantatjänst*", "fpa", "fpa:s", "fpas", "omafpa",
        "e-tjänst*", "skatt*", "vero", "vero.fi", "minskatt*", "recept*", "e-recept*",
        "tidsbokning*", "tidbokning*", "boka ~1 tid", "läkartid*", "bostadsbidrag*",
        "bostadsstöd*", "arbetslöshets*", "arbetsmarknadsstöd*", "utkomststöd*", "barnbidrag*",
        "förmån*", "pensionsansök*", "ansök*", "deklar*", "te-tjänst*", "te-byrå*",
        "arbetskraftsbyrå*", "dagpenning*", "sjukdagpenning*", "studiestöd*", "jobbmarknad*",
        "traficom",
    ),
    "communication": (
        "e-post*", "epost*", "mejl*", "mail*", "email*", "gmail*", "outlook", "hotmail",
        "whatsapp*", "whatsap*", "watsap*", "wattsap*", "videosamtal*", "facebook*", "messenger",
        "instagram*", "sms", "sms:*", "smsen", "smset", "textmeddelande*", "skype",
    ),
    "security": (
        "bedrä*", "bedrag*", "bluff*", "nätfisk*", "phishing*", "scam*", "virus*",
        "skadeprogram*", "hackad*", "hackat*", "hackare*", "hacker*", "kapad*",
        "kapat*", "kapning*", "dataintrång*", "intrång*", "lurendrej*", "svindl*", "lurad*",
        "lurat", "misstänkt*", "polisanmäl*", "brottsanmäl*", "datasäkerhet*",
        "informationssäkerhet*",
    ),
    "device": (
        "telefon", "telefonen", "telefoner*", "telefonens", "mobil", "mobilen", "mobiler*",
        "mobilens", "mobiltelefon*", "smarttelefon*", "smartphone*", "pekskärmstelefon*",
        "surfplatt*", "pekplatt*", "tablet*", "ipad*", "iphone*", "android*", "dator*",
        "laptop*", "bärbar*", "skärm*", "pekskärm*", "laddare*", "batteri*", "enhet*",
        "uppdatering*", "wifi", "wi-fi", "wlan", "router*", "modem*", "skrivare*", "printer*",
        "tangentbord*",
    ),
}  # fmt: skip
#: A way to be helped that names a device ("telefonnumret", "per telefon" and FORMS["phone"]).
NOT_DEVICE = (
    "telefonnummer*", "telefonnumr*", "telefonrådgivning*", "telefonservice*", "telefonhjälp*",
    "telefonstöd*", "telefontid*", "telefonledes", "per/via/över/på/i telefon",
    "läsa/se/ser ~2 skärm*",
)  # fmt: skip
#: Where one clause ends and the next may speak of another thing: "mobilen funkar bra men
#: bankkoderna funkar inte". Not "utan": "utan dator" lacks one, and "inte banken utan fpa"
#: sets the bank aside.
TOPIC_CLAUSE_BREAKS = frozenset({"men", "fast", "dock", "när", "eftersom"})
#: Saying one manages what the clause names: the need level, not the problem.
MANAGED = (
    "använder/använda/använt/brukar ~4 varje/var dag",
    "använder/använda/använt/brukar ~4 hela tiden",
    "använder/använda/använt/brukar ~4 dagligen/ofta/jämt/alltid/bra/fint/smidigt/regelbundet",
    "använder/använda/använt ~4 utan problem",
    "jag/ja/hon/han/hen/vi/de/dom kan ~1 använda/sköta",
    "jag/ja/hon/han/hen/vi/de/dom ~1 vet hur", "klarar ~2 bra/fint", "klarar av", "har koll på",
    "är/e van/vana", "van vid",
    "fungerar/funkar/går bra/fint/utmärkt/perfekt/ok/okej", "inga problem", "inget problem",
    "utan problem",
)  # fmt: skip
#: A device kept only for calls is the setting of the problem, not the problem (said anywhere
#: between two punctuation marks: "har en telefon men bara för att ringa").
BASIC_USE = (
    "bara/endast/enbart ~3 ringa/ringer/samtal/samtalen/sms*", "ringer bara",
)  # fmt: skip
#: Beside wanting to learn a service, a service merely used is the setting, not the need.
LEARNING = ("lära*", "lär", "öva*", "läras")
#: Words between a negation and the name it sets aside: "det är inte banken utan fpa".
DETERMINERS = frozenset(
    {"den", "det", "de", "en", "ett", "min", "mitt", "mina", "hennes", "hans", "hens", "deras",
     "vår", "vårt", "er", "är", "e", "om", "någon", "nån", "något", "nåt", "några", "nåra"}
)  # fmt: skip
#: Swedish puts "inte" after the verb, so "hittar ja int kontoutdraget" names the problem: a
#: negation sets a name aside only at a clause's start, after another name ("e-posten int
#: nätbanken") or after one of these ("det e int banken", "nej int banken utan omakanta").
SET_ASIDE_AFTER = frozenset(
    {"är", "e", "var", "va", "nej", "nä", "nää", "och", "eller", "utan", "ju", "alltså", "just"}
)  # fmt: skip
