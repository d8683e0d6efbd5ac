package themes

// Word lists the cleaner matches against, folded (lowercase, no accents).
// They describe how e-mails and help-desk forms are shaped in English,
// French and German, not any one data set.

// subjectPrefixes are reply, forward and priority markers put before a
// subject ("RE:", "AW:", "TR :", "URGENT:").
var subjectPrefixes = setOf(
	"re", "fw", "fwd", "tr", "aw", "wg", "wtr", "antw", "sv", "vs", "ref", "r",
	"urgent", "dringend", "important", "wichtig", "asap", "eilt", "prio", "info",
	"ticket", "incident", "request", "demande", "anfrage", "question", "frage",
)

// closings start a sign-off: the signature follows them.
var closings = setOf(
	"best regards", "kind regards", "regards", "best", "warm regards", "best wishes", "many thanks",
	"thanks", "thank you", "thanks in advance", "thank you in advance", "thanks a lot", "thanks again",
	"thanks for your help", "thank you for your help", "cheers", "br", "rgds", "kr", "thx", "ty",
	"sincerely", "yours sincerely", "yours", "talk soon", "have a nice day",
	"merci", "merci d'avance", "merci par avance", "merci beaucoup", "merci bien", "cordialement",
	"bien cordialement", "tres cordialement", "bien a vous", "salutations", "sinceres salutations",
	"bonne journee", "bonne soiree", "a bientot", "merci pour votre aide", "merci de votre aide", "amicalement", "bav",
	"mit freundlichen grussen", "freundliche grusse", "mfg", "viele grusse", "beste grusse", "liebe grusse",
	"herzliche grusse", "schone grusse", "lg", "vg", "gruss", "grusse", "danke", "vielen dank", "danke schon",
	"danke im voraus", "vielen dank im voraus", "danke fur die hilfe", "danke fur ihre hilfe", "schonen tag noch",
)

// greetingWords open a salutation line ("Hi Anna,", "Bonjour à tous,").
var greetingWords = setOf(
	"hello", "hi", "hey", "dear", "good", "greetings", "morning", "hiya", "yo",
	"bonjour", "bonsoir", "salut", "madame", "monsieur", "cher", "chere", "coucou", "allo",
	"hallo", "guten", "sehr", "liebe", "lieber", "moin", "servus", "gruss", "gruezi", "hi,",
)

// mobileFooters are lines mail apps append.
var mobileFooters = []string{
	"sent from my", "sent from outlook", "sent from mail for", "get outlook for", "sent via",
	"envoye de mon", "envoye depuis", "telecharger outlook", "obtenir outlook pour",
	"von meinem", "gesendet von", "outlook fur ios", "outlook fur android",
}

// contactLabels start the lines of a contact footer ("Tel: +33 …").
var contactLabels = setOf(
	"tel", "tel.", "phone", "mobile", "mob", "mob.", "cell", "fax", "t", "m", "p", "f", "direct",
	"portable", "standard", "telephone", "handy", "mobil", "telefon", "durchwahl", "web", "www", "email", "e-mail", "mail", "adresse", "address",
)

// callLeads start an agent's note of a phone call ("Call from Ana Lopez:").
var callLeads = []string{
	"call from", "phone call from", "caller", "called", "callback", "appel de", "appel du", "appel entrant",
	"anruf von", "anruf", "ruckruf", "telefonat mit",
}

// quoteSeparators are lines that start a forwarded or quoted message.
var quoteSeparators = []string{
	"-----original message", "----- original message", "-----message d'origine", "----- message d'origine",
	"-----ursprungliche nachricht", "----- ursprungliche nachricht", "-----forwarded message", "---------- forwarded message",
	"________________________________", "begin forwarded message", "debut du message reexpedie",
}

// headerLabels are the "From:" lines of a quoted message header, and the
// lines that follow them.
var (
	fromLabels   = setOf("from", "de", "von", "expediteur", "absender")
	headerLabels = setOf("sent", "date", "to", "subject", "cc", "envoye", "a", "objet", "gesendet", "an", "betreff", "datum")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
