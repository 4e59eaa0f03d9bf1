"""English cues of the dialogue rules (bot/triage/foreign.py explains the pattern language).

The same names as bot/triage/cues_sv.py, so each rule reads either table. Words are lower
case without apostrophes ("dont", "im"); people write "u", "pls" and leave out capitals.
"""

# ------------------------------------------------------------------ words many rules use
NEGATIONS = frozenset(
    {
        "not", "no", "never", "dont", "didnt", "doesnt", "havent", "hasnt", "hadnt", "isnt",
        "wasnt", "werent", "arent", "wont", "cant", "cannot", "couldnt", "wouldnt", "nothing",
        "nobody", "neither", "nor", "aint",
    }
)  # fmt: skip
#: Looking back for a negation stops at these: "i didnt realise and gave my codes".
CLAUSE_STOPS = frozenset({"and", "but", "so", "then", "because", "cause", "cos", "when"})
#: Where a clause turns: "uses it but cannot find", "money is safe but the wallet is gone".
BUT = frozenset({"but", "though", "although", "however", "yet"})
#: How many words after a verb a negation may stand ("i use it not" is not English).
NEGATION_AFTER = 0
#: Negations only when no subject follows: "no, i gave them" says no to something else.
INTERJECTIONS = frozenset({"no", "nope", "nah"})
FIRST_PERSON = frozenset({"i", "im", "ive", "id", "ill", "we", "weve"})
#: Codes given to the writer (by a spouse, a parent) are no scam in progress: "han har gett dom
#: åt mig", "she gave me her codes". The object right after the verb, or "to me" a few words on.
GIVEN_TO_ME = frozenset({"me", "us"})
TO_WRITER = ("to me/us",)
SUBJECTS = FIRST_PERSON | frozenset(
    {
        "he", "she", "they", "someone", "somebody", "someones", "it", "who", "hes", "shes",
        "theyre", "theyve", "caller", "man", "woman", "guy", "person", "scammer", "scammers",
        "bank", "police",
    }
)  # fmt: skip
#: A worry, not a story: "if i gave", "what would happen".
HYPOTHETICAL = frozenset({"if", "would", "wouldve", "whether", "suppose", "supposing", "unless"})
HYPOTHETICAL_WITH_SUBJECT = frozenset()
#: The first word of a question: "is my account hacked".
QUESTION_START = frozenset(
    {"is", "are", "was", "has", "have", "can", "could", "how", "what", "did", "do", "does", "am",
     "should", "will", "may", "might"}
)  # fmt: skip
#: A takeover feared or prevented: "im afraid my email might get hacked".
WONDERING = frozenset(
    {"whether", "if", "wonder", "wondering", "worried", "afraid", "scared", "fear", "prevent",
     "stop", "avoid", "protect", "might", "may", "maybe", "possible", "possibly"}
)  # fmt: skip

# ------------------------------------------------------------------ urgency
#: Past verbs of giving or typing (unambiguous past forms).
GIVING = (
    "gave", "given", "typed", "entered", "wrote", "written", "told", "sent", "shared",
    "filled", "keyed", "punched", "provided", "handed", "submitted", "confirmed", "approved",
    "logged", "signed", "disclosed", "revealed", "said", "inputted", "spelled", "spelt",
    "dictated", "passed", "read ~ out/aloud",
)  # fmt: skip
#: A past auxiliary and an infinitive of giving: "managed to type", "ended up giving".
GIVING_AUX = (
    "managed to",
    "happened to",
    "ended up",
    "went on to",
    "had time to",
    "went ahead and",
)
GIVING_INFINITIVE = (
    "give", "giving", "type", "typing", "enter", "entering", "write", "tell", "send", "share",
    "put", "read", "fill", "key", "approve", "confirm", "log", "sign",
)  # fmt: skip
#: A code typed wrong is no secret given ("typed the wrong code three times").
WRONG = frozenset({"wrong", "incorrect", "old", "expired"})
#: Codes typed into the real service, with no sign of a scam, are an ordinary login ("i entered
#: my codes in the online bank and cant find the e-invoice").
LEGIT_SERVICES = (
    "online bank*", "netbank*", "internet bank*", "suomi.fi*", "omakanta", "my kanta",
    "kanta", "omakela", "kela", "omavero", "mytax", "banking app", "banks app", "bank app",
    "atm", "cash machine",
)  # fmt: skip
SCAM_SIGNS = (
    "link*", "page", "site*", "website*", "sms*", "text", "message*", "email*", "mail", "scam*",
    "fake", "fraud*", "called", "calling", "caller*", "stranger", "someone", "somebody",
    "man", "woman", "guy", "phone", "suspicious", "weird", "strange",
)  # fmt: skip
#: Past forms that are also present: past only when no "do", "to" or modal stands before.
GIVING_AMBIGUOUS = ("put", "input", "read")
NON_PAST_BEFORE = frozenset(
    {"do", "does", "to", "should", "shall", "will", "can", "would", "must", "please", "ill",
     "gonna", "wanna", "need"}
)  # fmt: skip
#: A giving verb followed by these reports speech: "said that", "told me how".
REPORTED = ("that", "if", "how")
#: Verbs of saying, and what after them reports speech or an order: "said he was from the
#: bank", "told me to".
SPEECH_VERBS = frozenset({"said", "told", "wrote", "written"})
REPORTED_SPEECH = (
    "he/she/they/it/we/i/you/hes/shes/theyre/there/this",
    "me/us/her/him/them ~1 to/that/he/she/they/it/we/i/you/hes/shes/theyre/there/this",
)  # fmt: skip
SECRETS = (
    "code*", "bank code*", "pin", "pins", "pin-code*", "pincode*", "passcode*", "password*",
    "passwd", "card number*", "cardnumber*", "card-number*", "cvc", "cvv*",
    "credential*", "login details", "log-in details", "login info*", "bank details",
    "banking details", "card details", "card info*", "account details", "bankid", "bank id",
    "user id", "userid", "username*", "user name*", "key code*", "keycode*", "key number*",
    "key list", "otp", "mobile certificate", "security number", "personal identity code",
)  # fmt: skip
#: A card on its own ("gave my card") is a secret only with a sign of a scam in the sentence:
#: "i put the card in my wallet" gives nothing away.
CARDS = ("card", "cards", "bank card*", "credit card*", "debit card*", "bankcard*")
#: "typed my details" is a secret only after a link or a page.
DETAILS = ("detail*", "info", "information", "data", "personal details")
LINKS = (
    "link*", "page", "pages", "site*", "website*", "webpage*", "message*", "text", "texts",
    "sms*", "email*", "e-mail*", "mail",
)  # fmt: skip
#: Approving in the bank's app what someone else started.
APPROVING = (
    "approved", "confirmed", "accepted", "pressed", "tapped", "clicked", "authorised",
    "authorized", "verified", "okd", "oked",
)  # fmt: skip
APPROVED = (
    "app", "apps", "login", "log-in", "sign-in", "signin", "request*", "payment*",
    "transaction*", "identification", "authentication", "notification*", "approve", "confirm",
    "transfer*",
)  # fmt: skip
MONEY = (
    "money", "euro", "euros", "eur", "€", "savings", "funds", "balance", "cash", "pension",
    "account", "accounts", "bank account*",
)  # fmt: skip
ACCOUNTS = ("account", "accounts", "bank account*", "savings account*")
#: Money taken or gone, past forms.
TAKING = (
    "gone", "disappeared", "vanished", "taken", "took", "stolen", "stole", "withdrawn",
    "withdrew", "transferred", "emptied", "drained", "debited", "charged", "deducted",
    "cleared out", "wiped out", "scammed", "swindled", "conned", "robbed", "cheated",
)  # fmt: skip
#: Lost: money gone only with money itself, not an account ("lost access to my account").
LOSING = ("lost",)
#: "went" is money gone only from an account.
LEAVING = ("went",)
#: Missing now, in any tense.
MISSING = ("missing",)
#: Paid: money gone only in a conversation about a scam.
PAYING = ("paid", "sent", "transferred", "wired", "payed")
#: "managed to pay": paid in time, after a past auxiliary (GIVING_AUX).
PAYING_INFINITIVE = ("pay", "send", "transfer", "wire")
#: "it took a long time": taking time, not money.
TIME_WORDS = frozenset(
    {"time", "long", "while", "ages", "forever", "days", "day", "weeks", "week", "hours",
     "hour", "minutes", "months", "month", "years"}
)  # fmt: skip
#: A passive or a misfortune: "i was scammed", "we got robbed": first person, still a loss.
PASSIVE = frozenset({"was", "were", "been", "got", "get", "being", "is", "are"})
#: "took over", "took care": no money taken.
TAKING_NOT_BEFORE = frozenset({"over", "care", "part", "place"})
CALLING_VERBS = ("call", "calls", "called", "calling", "phoned", "phoning", "rang", "rings",
                 "ringing", "phones")  # fmt: skip
CALLING_NOUNS = ("caller*", "phone", "telephone", "line", "phonecall*", "phone call*")
ASKING = (
    "ask", "asks", "asked", "asking", "request*", "demand*", "want", "wants", "wanted",
    "wanting", "needs", "needed", "insist*", "told", "tells", "pressur*", "begging", "begged",
)  # fmt: skip
MODALS = frozenset(
    {"can", "could", "may", "should", "shall", "will", "would", "must", "might", "do", "does"}
)
#: "asked how the codes work" is a question, not a caller asking for codes.
HOW = frozenset({"how", "why", "where", "when"})
REMOTE_ACCESS = (
    "anydesk*", "teamviewer*", "supremo*", "quicksupport*", "rustdesk*", "ultraviewer*",
    "remote access", "remote control*", "remote desktop", "remote connection",
    "remote app*", "remote program*", "remote software", "remote-access", "remote-control*",
)  # fmt: skip
INSTALLING = ("installed", "downloaded", "opened", "ran", "launched", "set up", "allowed")
INSTALL = ("install", "download", "open", "run", "launch", "set up", "allow", "give")
COMMANDED = ("told", "asked", "made", "had", "got", "instructed", "wanted", "guided",
             "directed", "convinced", "tricked")  # fmt: skip
INSTALL_QUESTION = frozenset(
    {"how", "where", "what", "can", "could", "should", "safe", "is", "whether", "if"}
)
#: An account taken over, said as a fact.
HIJACKED = (
    "hacked", "hijacked", "compromised", "taken over", "took over", "broke into",
    "broken into", "got into", "accessed", "breached", "cracked",
)  # fmt: skip
ACCOUNT_WORDS = (
    "account*", "email*", "e-mail*", "mail", "gmail", "outlook", "hotmail", "whatsapp*",
    "facebook*", "fb", "instagram*", "insta", "messenger", "profile*", "login", "online bank*",
    "netbank*", "password*", "codes",
)  # fmt: skip

# ------------------------------------------------------------------ answers: the need level
#: "level 2", "level two" anywhere.
EXPLICIT_LEVEL = r"\blevel\s*(?:no\.?\s*|number\s*|nr\.?\s*)?([1-4]|one|two|three|four)\b(?!\s*%)"
NUMBER_WORDS = {
    "1": 1, "one": 1, "first": 1, "1st": 1,
    "2": 2, "two": 2, "second": 2, "2nd": 2,
    "3": 3, "three": 3, "third": 3, "3rd": 3,
    "4": 4, "four": 4, "fourth": 4, "4th": 4,
}  # fmt: skip
#: Words around a bare number that do not change it: "the second one", "level 3 i think".
NUMBER_FILLERS = frozenset(
    {"the", "level", "number", "no", "nr", "option", "alternative", "i", "think", "guess",
     "maybe", "probably", "please", "pls", "its", "it", "is", "thats", "that", "one", "say",
     "id", "would", "ok", "okay", "then", "so", "well", "perhaps"}
)  # fmt: skip
#: Level 4: conditions that on their own prevent independent use.
CONDITIONS = (
    "dementia", "demented", "alzheimer*", "memory ~ problem*", "memory ~ fail*",
    "memory ~ loss", "memory ~ illness", "memory ~ disorder", "memory ~ disease",
    "memory ~ bad", "memory ~ poor", "memory ~ going", "poor memory", "bad memory",
    "memory issues", "blind", "visually impaired", "sight impaired", "partially sighted",
    "deafblind", "deaf-blind", "intellectual disabilit*", "developmental disabilit*",
    "learning disabilit*", "paralysed", "paralyzed", "paralysis", "stroke", "parkinson*",
    "tremor*", "shaky hands", "hands shake",
)  # fmt: skip
SIGHT = (
    "cant see", "cannot see", "couldnt see", "doesnt see", "dont see well", "poor eyesight",
    "eyesight ~ bad/poor/failing/gone/weak", "eyes ~ bad/poor/failing", "bad eyesight",
    "poor sight", "sight ~ bad/poor/failing/gone",
)  # fmt: skip
DEVICES = (
    "computer*", "laptop*", "smartphone*", "smart phone*", "phone", "mobile*", "tablet*",
    "ipad*", "internet", "wifi", "wi-fi", "device*", "pc", "cellphone", "cell phone",
)  # fmt: skip
#: Having none: "no computer", "doesnt have a smartphone", "without internet".
LACKING = (
    "no", "without", "lacks", "lack", "hasnt", "havent", "hasnt got", "havent got",
    "dont have", "doesnt have", "didnt have", "dont own", "doesnt own", "not have",
    "never had", "has never had", "not even", "no longer has", "not got",
)  # fmt: skip
#: Words between a lack and a device that make it experience, not possession.
NOT_POSSESSION = (
    "us*", "experience*", "idea*", "clue", "skill*", "know*", "learn*", "good", "problem*",
    "with", "on", "in", "to", "for", "about", "at", "the", "this", "that",
)  # fmt: skip
BASIC_PHONES = (
    "nokia", "basic phone*", "basic mobile", "landline", "flip phone", "dumb phone",
    "dumbphone", "button phone", "old phone", "old mobile", "brick phone", "old-fashioned phone",
)  # fmt: skip
ONLY = frozenset({"only", "just", "merely", "simply"})
#: "unable", "not able": cannot (level 4), unlike "doesnt know how" (level 2 or 3).
CANNOT = (
    "unable", "not able", "isnt able", "arent able", "no longer able", "can no longer",
    "incapable", "not capable", "physically cant", "physically cannot", "cant anymore",
    "cannot anymore", "not able to", "wasnt able",
)  # fmt: skip
MUCH = (
    "a lot", "lots", "lot of help", "much help", "plenty", "a great deal", "from scratch",
    "from the start", "from the beginning", "the basics", "basics", "step by step",
    "hand-holding", "hold ~ hand", "holding ~ hand", "at all", "properly", "everything",
    "all the way",
)  # fmt: skip
NOT_AT_ALL = ("at all", "whatsoever", "anything")
NEVER = ("never", "not ever")
#: Negated, a use or a skill that is not there: "i dont use it", "doesnt know how".
USE = ("use", "uses", "used", "using", "know how", "knows how", "manage*")
LITTLE = (
    "a little", "a bit", "little bit", "bit of help", "some help", "some support",
    "some guidance", "slightly", "a few tips", "little help", "tiny bit", "small amount",
)  # fmt: skip
HELP = (
    "help*", "support*", "assist*", "guid*", "show", "shows", "showing", "teach*", "explain*",
    "walk ~ through", "advice", "advise",
)  # fmt: skip
SELF_WORDS = ("link*", "instruction*", "guide*", "steps", "address", "url", "web address")
ENOUGH = ("enough", "just", "only", "suffice*", "fine", "send", "all i need", "ok", "okay")
KNOWS_ALONE = (
    "myself", "by myself", "on my own", "do it myself", "manage ~ myself",
    "manage on my own", "i know how", "i can do it", "ill manage", "i can manage",
    "ill figure it out", "independently", "do it alone",
)  # fmt: skip
USING = ("use", "uses", "using", "do use", "i use", "she uses", "he uses")
#: Everyday use said in passing: "she uses the laptop daily", "i send messages fine".
EVERYDAY_USE = (
    "uses/use/using ~3 daily/fine/ok/okay/already", "every day", "everyday", "daily",
    "send*/use*/do/does ~3 fine/ok/okay", "ok/okay/fine with computers/phones/tech*",
)  # fmt: skip
#: Something the person used and that stopped working: they use it and need a hand (level 2).
WORKED_BEFORE = (
    "stopped/stops working", "dont/doesnt/wont/didnt work/open/load anymore/any",
    "no longer work*", "used to work", "usually work*", "always worked", "worked before",
    "forgot/forgotten/lost ~1 password*/pin*/code*/username*", "after the/an ~1 update*",
    "can/could log/login/sign ~1 but", "was working", "ran/run/running out", "expired",
    "changed/new/replaced ~1 phone*", "got ~2 new phone*",
)  # fmt: skip
#: A word of skill, not use: "i can use my phone well" speaks of skill.
SKILL = ("know how", "knows how", "can", "good at", "able")
#: An ability the person lacks, the negation in the cue: "cant use", "doesnt understand".
NEGATED_ABILITY = (
    "cant/cannot/couldnt ~1 use/do/manage/understand/get/log/sign/learn/figure/handle/cope/"
    "work/operate/access/deal/follow/remember",
    "dont/doesnt/didnt ~1 know how", "dont/doesnt/didnt ~1 understand*", "no idea how",
    "unable", "not able", "never learn*", "wont learn", "not capable",
    "dont/doesnt/didnt ~1 manage", "too difficult", "too hard", "too complicated",
)  # fmt: skip
#: Abilities that a negation before or after makes lacking (Swedish word order needs these).
ABILITY = ()
ABILITY_EXCEPT = ()

# ------------------------------------------------------------------ the form of help
FORMS = {
    "home_visit": (
        "home visit*",
        "house call*",
        "home-visit*",
        "visit ~ at home",
        "visit ~ at ~ home",
        "visit her/him/me/us/them ~ home",
        "come to ~ home/house/place/flat/apartment",
        "come over",
        "come round",
        "come around",
        "come by",
        "help ~ at home",
        "home help",
        "at-home help",
        "to ~ home to help",
        "someone to ~ home",
    ),
    "in_person": (
        "in person",
        "sit/sits/sitting ~2 next to/beside",
        "next to me/her/him",
        "in-person",
        "face to face",
        "face-to-face",
        "go there",
        "visit ~ library/office/branch/counter/desk",
        "visit ~ service point*",
        "drop in",
        "drop-in",
        "drop by",
        "walk in",
        "walk-in",
        "somewhere ~ go",
        "place ~ go",
        "where ~ i/we/she/he ~ go",
        "meet someone",
        "meet a person",
        "meet somebody",
        "at the counter",
        "physically",
        "in real life",
        "go to ~ library/office/branch/counter/desk",
    ),
    "phone": (
        "over the phone",
        "by phone",
        "by telephone",
        "via phone",
        "via telephone",
        "help/talk/advice/advise/guide/explain/walk/speak ~ on the phone",
        "phone call",
        "call me",
        "ring me",
        "call her/him/us/them/back",
        "call my*",
        "number ~ call",
        "number ~ ring",
        "phone line",
        "phoneline",
        "helpline",
        "help line",
        "hotline",
        "phone service",
        "phone support",
        "phone help",
        "telephone service",
        "telephone support",
        "telephone advice",
        "phone advice",
        "can/could/may i ~ call",
        "can/could/may i ~ phone",
        "someone ~ call",
        "somebody ~ call",
        "rather ~ phone",
        "prefer ~ phone",
        "phone instead",
        "telephone instead",
        "on the phone please",
    ),
    "remote": (
        "chat",
        "by chat",
        "via chat",
        "online chat",
        "live chat",
        "chatting",
        "chatbox",
        "video call*",
        "videocall*",
        "by video",
        "via video",
        "over video",
        "remotely",
        "remote help",
        "remote support",
        "remote guidance",
        "screen sharing",
        "screen-sharing",
        "share ~ screen",
        "online meeting",
    ),
    "paper": (
        "on paper",
        "paper would",
        "paper ~2 best/better/easier",
        "prefer* ~2 paper",
        "paper form*",
        "paper version*",
        "paper application*",
        "paper copy",
        "paper copies",
        "paper bill*",
        "paper invoice*",
        "paper letter*",
        "paper mail",
        "by post",
        "by mail",
        "by letter",
        "in the post",
        "in the mail",
        "through the post",
        "without ~ internet",
        "without ~ computer",
        "printed form*",
        "printed version",
        "printed copy",
        "paper one",
        "paper ones",
        "in writing",
    ),
}
#: A mention that is no wish: "the chat is broken", "chat doesnt work".
FORM_NOT_A_WISH = ("chat is broken", "chat doesnt work", "chat isnt working", "chat not working")
#: Words that refuse the form up to two words after them: "i dont want chat", "not by phone";
#: with a comma between ("no, in person") they say no to something else.
FORM_REFUSAL = frozenset({"no", "not", "dont", "doesnt", "never", "nor", "neither", "hate"})
#: The form after these (up to two words on) is the one passed over: "rather in person than
#: by chat", "instead of a chat".
FORM_RATHER_THAN = ("than", "instead of", "rather than")
#: Paper is a wish only with a word of wishing or asking ("i pay the bills on paper" is a habit).
FORM_PAPER_WISH = (
    "want*", "would", "could", "can", "rather", "prefer*", "instead", "please", "pls",
    "order", "request", "ask", "is there", "still", "anymore", "any more", "only", "again",
    "get", "like", "wish", "need", "possible",
)  # fmt: skip
#: Asking for a person rather than the bot.
PERSON = (
    "real person", "real human", "human being", "actual person", "live person",
    "talk/speak/chat ~ to/with ~ a/an ~ person/human/someone/somebody",
    "talk/speak ~ to/with someone/somebody", "not a bot", "not a robot", "no bot*",
    "not ~ chatbot", "not ~ machine", "instead of a bot", "someone ~ call me/her/him/us/them",
    "somebody ~ call me/her/him/us/them", "could/can someone call", "could/can somebody call",
    "to a person",
)  # fmt: skip

# ------------------------------------------------------------------ thanks and farewells
THANKS = (
    "thank*", "thx", "thnx", "tnx", "ty", "tyvm", "cheers", "much appreciated",
    "appreciate it", "many thanks", "thanx", "tack",
)  # fmt: skip
BYE = (
    "bye", "goodbye", "good bye", "bye-bye", "byebye", "see you", "see ya", "cya", "take care",
    "have a nice/good/great/lovely day/evening/weekend/one", "good night", "goodnight",
    "im done", "that will do", "thatll do", "talk later", "farewell", "gotta go", "got to go",
    "all good",
)  # fmt: skip
#: At the end of a message: "thats all", "nothing else thanks".
NOTHING_ELSE = (
    "thats all", "that is all", "that was all", "thats it", "that is it", "thats everything",
    "nothing else", "nothing more", "no more questions", "no further questions", "all done",
    "no thats all", "im good",
)  # fmt: skip
#: Words that may follow "thats all" at the very end.
NOTHING_ELSE_TAIL = frozenset(
    {"thanks", "thank", "you", "thx", "ty", "for", "now", "today", "then", "cheers", "bye",
     "so", "much", "a", "lot"}
)  # fmt: skip
GREETINGS = ("hi", "hello", "hey", "hiya", "heya", "hej", "moi", "morning")
#: A greeting said twice opens a conversation; after it, it closes one.
GREETING_TWICE = ("hi hi", "hello hello")
#: A clause starting with one of these asks something: "thanks, how do i...".
QUESTION_WORDS = frozenset(
    {"how", "what", "where", "why", "which", "when", "who", "can", "could", "is", "are", "do",
     "does", "should", "may", "will", "would", "whats", "wheres", "hows", "whos", "did"}
)  # fmt: skip
#: Joining words after which a question may begin: "ok thanks but how...".
QUESTION_JOINERS = frozenset({"and", "but", "so", "also", "ok", "okay", "oh", "then"})

# ------------------------------------------------------------------ permission questions
#: What someone may or must do: "can i use my mothers codes", "is it ok if".
PERMISSION = (
    "can/may i", "can/may we", "must i", "must we", "do/does i/we/he/she/they ~1 have to",
    "do/does i/we/he/she/they ~1 need to", "have i got to", "am/are/is ~2 allowed",
    "allowed to", "permitted", "is it ok/okay/allowed/legal/fine/alright/permitted/illegal",
    "is that ok/okay/allowed/legal/fine/alright/permitted", "is it all right",
    "can/may my/the/a/his/her/our/their", "can/may someone/somebody/anyone/anybody/he/she/they",
    "can/may relatives/family/helpers/staff", "do/will you ~1 repair/fix/install/update/fill/"
    "log/sign/handle/do/use/set/change/pay",
    "can/could/would you ~1 log/sign/fill/repair/fix/install/update/use/handle/pay",
    "can/could/would you ~1 do it for", "are you allowed", "do i have the right",
    "is there a rule", "does the law", "legally",
)  # fmt: skip
#: After these a "can i" asks how, not whether: "how can i log in", "what do i have to do".
PERMISSION_NOT_AFTER = frozenset({"how", "what", "where", "when", "why", "which", "who"})
#: A question opening with these asks what someone may or must do ("may my son...").
PERMISSION_START = frozenset({"may", "must"})
#: Polite requests ask what the helper may do when the helper is their subject.
POLITE = ("could/would/can/will", "could/would/can you please")
HELPERS = (
    "digital", "support*", "helper*", "the helper*", "staff", "library", "librar*",
    "volunteer*", "advisor*", "adviser*", "guide*", "service", "you guys", "your staff",
)  # fmt: skip
ON_BEHALF = (
    "on my/her/his/their/our/your behalf", "on behalf", "behalf of",
    "log/logs/sign/signs in/on for/as", "in my/her/his/their name",
    "do/handle/manage/pay/fill/sign/use/sort ~2 for me/her/him/them",
    "instead of me/her/him/them", "as me", "as her", "as him", "with my/her/his/their codes",
    "with my/her/his/their bank codes", "with my/her/his/their password*",
)  # fmt: skip

# ------------------------------------------------------------------ which limit a question is about
LIMIT_CUES = {
    "act_on_behalf": (
        "behalf",
        "on behalf",
        "log in",
        "log on",
        "login",
        "logs in",
        "logged in",
        "sign in",
        "sign on",
        "signs in",
        "logging in",
        "signing in",
        "e-authori*",
        "authori*",
        "mandate*",
        "power of attorney",
        "guardian*",
        "trustee",
        "proxy",
        "act for",
        "handle ~ for",
        "do it for",
        "do ~4 for me/her/him/them",
        "take care of",
        "errand*",
        "in my/her/his name",
    ),
    "handle_credentials": (
        "code*",
        "bank code*",
        "password*",
        "pin",
        "pin-code*",
        "pincode*",
        "credential*",
        "key code*",
        "key list",
        "mobile certificate",
        "certificate",
        "identif*",
        "authenticat*",
        "strong identification",
        "username*",
        "user id",
        "bankid",
        "bank id",
        "login details",
    ),
    "application_content": (
        "application*",
        "form",
        "forms",
        "fill",
        "fill in",
        "fill out",
        "write",
        "writing",
        "written",
        "justif*",
        "attachment*",
        "content*",
        "section",
        "answer*",
        "what to say",
        "what to write",
        "appeal",
    ),
    "device_repair": (
        "repair*",
        "fix*",
        "update*",
        "upgrade*",
        "install*",
        "broken",
        "break",
        "broke",
        "virus*",
        "set up",
        "setup",
        "settings",
        "service",
        "maintenance",
        "computer*",
        "laptop*",
        "phone*",
        "mobile*",
        "tablet*",
        "device*",
        "app",
        "apps",
        "screen*",
    ),
    "fraud_response": (
        "scam*",
        "fraud*",
        "phishing",
        "hack*",
        "hijack*",
        "cancel*",
        "reverse",
        "refund*",
        "get ~ back",
        "money back",
        "police report",
        "report ~ police",
        "stop the payment",
        "stop ~ payment",
        "block*",
        "undo",
    ),
}
#: Cues that name a thing, not an act: they support a limit but cannot make one on their own.
LIMIT_CONTEXT_ONLY = (
    "computer*", "laptop*", "phone*", "mobile*", "tablet*", "device*", "app", "apps",
    "screen*", "log in", "log on", "login", "logs in", "logged in", "sign in", "sign on",
    "signs in", "logging in", "signing in", "service",
)  # fmt: skip

# ------------------------------------------------------------------ the services a message names
# Read by bot/triage/topic_evidence.py. People write the Finnish service names too ("omakanta",
# "mobiilivarmenne", "pankkitunnukset"): those come from its Finnish stems.
#: Cues that name a topic's service. The most specific cue wins a word, more words first, then
#: a longer cue: "bank codes" is identification ("bank code*"), not banking ("bank*").
TOPIC_STEMS = {
    "banking": (
        "bank*", "online bank*", "netbank*", "internet bank*", "mobile bank*", "banking app*",
        "bank app*", "invoice*", "e-invoice*", "einvoice*", "bill", "bills", "direct debit*",
        "due date*", "bank transfer*", "account statement*", "bank statement*", "nordea*",
        "aktia*", "danske*", "s-bank*", "op-app*",
    ),
    "identification": (
        "bank code*", "banking code*", "online banking code*", "netbank code*",
        "bank credential*", "banking credential*", "bank id*", "bankid*", "bank-id*",
        "mobile certificate*", "mobile cert", "mobile id", "mobile-id*", "identif*",
        "authenticat*", "verify ~1 identity", "prove ~1 identity", "identity card*", "id card*",
        "id-card*", "pin code*", "pincode*", "pin", "key code*", "code list*",
        "suomi.fi-identif*", "suomi.fi identif*", "code app*", "bank*/banks code app*",
        "nordea/aktia/danske/op/s-bank code*/credential*",
    ),
    "suomifi_messages": (
        "suomi.fi*/suomifi* ~1 message*/mail*/inbox*/letter*",
        "suomi fi ~1 message*/mail*/inbox*/letter*", "suomi.fi-message*", "suomifi-message*",
        "message*/mail/letter* from ~2 authorit*", "authority message*", "official message*",
    ),
    "authorizations": (
        "authoriz*", "authoris*", "suomi.fi-authori*", "power* of attorney", "proxy",
        "guardianship", "guardian", "legal guardian*", "mandate*",
        "right to handle/manage/see/do/access/deal/take",
        "permission to handle/manage/see/do/access",
    ),
    "e_services": (
        "kanta", "kanta.fi", "my kanta*", "mykanta", "vero", "vero.fi", "mytax",
        "my tax", "tax", "taxes", "taxation", "tax-*", "prescription*", "e-prescription*",
        "e-service*", "eservice*", "housing allowance*", "benefit*",
        "pension application*", "te office*", "te service*",
        "te-service*", "te-office*", "employment office*", "social assistance", "traficom",
        "health record*", "lab result*", "doctor* appointment*", "jobseeker*", "job seeker*",
    ),
    "communication": (
        "email*", "e-mail*", "gmail*", "outlook", "hotmail", "whatsapp*", "whats app",
        "whatsap*", "watsap*", "wattsap*", "video call*", "videocall*", "facebook*",
        "messenger", "instagram*", "sms", "text message*", "skype",
    ),
    "security": (
        "scam*", "phishing*", "phish*", "fraud*", "virus*", "malware", "hack*", "hijack*",
        "suspicious", "fake*", "spoof*", "police report*", "crime report*", "identity theft",
        "cyber*", "data breach*",
    ),
    "device": (
        "phone", "phones", "telephone", "smartphone*", "smart phone*", "mobile", "mobiles",
        "mobile phone*", "cellphone*", "cell phone*", "tablet*", "ipad*", "iphone*", "android*",
        "computer*", "laptop*", "pc", "screen*", "touchscreen*", "charger*", "battery",
        "batteries", "device*", "software update*", "system update*", "wifi", "wi-fi",
        "router*", "modem*", "printer*", "keyboard*",
    ),
}  # fmt: skip
#: A way to be helped that names a device ("phone number", "by phone" and FORMS["phone"]).
NOT_DEVICE = (
    "phone number*", "telephone number*", "mobile/cell number*", "phone no", "phone nr",
    "phonenumber*",
    "on the phone", "phone call*", "read/see ~3 screen*",
)  # fmt: skip
#: Where one clause ends and the next may speak of another thing: "my phone works fine but the
#: bank codes dont".
TOPIC_CLAUSE_BREAKS = BUT | frozenset({"because", "cause", "cos", "when", "since"})
#: Saying one manages what the clause names: the need level, not the problem.
MANAGED = (
    "use/uses/used/using ~4 every day", "use/uses/used/using ~4 all the time",
    "use/uses/used/using ~4 daily/everyday/fine/well/regularly/often/always/constantly/ok/okay",
    "use/uses/used/using ~4 without problem*/trouble/issue*",
    "i/she/he/we/they can ~1 use/handle", "i/she/he/we/they ~1 know/knows how to", "good at",
    "good/fine/ok/okay/comfortable/confident with", "comfortable using",
    "works/working/work fine/well/ok/okay/great/perfectly", "is/are fine", "no problem*",
    "no issue*", "no trouble", "without problem*/trouble/issue*", "not/isnt ~1 a problem",
)  # fmt: skip
#: A device kept only for calls is the setting of the problem, not the problem (said anywhere
#: between two punctuation marks: "has a smartphone but only calls with it").
BASIC_USE = (
    "only/just ~3 call/calls/calling/phoning/ringing/texting/texts/sms",
)  # fmt: skip
#: Beside wanting to learn a service, a service merely used is the setting, not the need.
LEARNING = ("learn*", "teach*", "practi*")
#: Words between a negation and the name it sets aside: "its not the bank, its kela".
DETERMINERS = frozenset(
    {"the", "a", "an", "my", "her", "his", "their", "our", "your", "its", "it", "about", "any",
     "that", "this"}
)  # fmt: skip
#: Unused in English: the negation stands before the verb ("doesnt use the bank"), so any
#: negation right before a name sets it aside (see cues_sv.py).
SET_ASIDE_AFTER = frozenset()
