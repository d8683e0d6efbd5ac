package generate

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pieces that wrap a ticket's core sentence, per language.
var (
	greetings = [numLangs][]string{
		{"Hello,", "Hi,", "Hi team,", "Good morning,", "Dear support,", "Hello support team,", "Hi all,", "Hey,", "Dear IT team,", "Good afternoon,", "Hello IT,"},
		{"Bonjour,", "Bonjour à tous,", "Bonjour le support,", "Madame, Monsieur,", "Bonjour l'équipe,", "Bonsoir,", "Salut l'équipe,", "Bonjour Madame,", "Bonjour Monsieur,"},
		{"Hallo,", "Guten Tag,", "Guten Morgen,", "Hallo zusammen,", "Sehr geehrte Damen und Herren,", "Hallo Support,", "Moin,", "Liebes Support-Team,", "Servus,", "Hi zusammen,"},
	}
	portalClosings = [numLangs][]string{{"Thanks", "Thank you!", "Thanks in advance."}, {"Merci", "Merci d'avance.", "Merci !"}, {"Danke", "Danke im Voraus.", "Vielen Dank!"}}
	closings       = [numLangs][]string{
		{"Thanks,", "Thank you in advance,", "Best regards,", "Cheers,", "Thanks for your help!", "Kind regards,", "Regards,", "Many thanks,", "BR,", "Thx"},
		{"Merci,", "Merci d'avance,", "Cordialement,", "Bien cordialement,", "Merci pour votre aide !", "Bonne journée,", "Bien à vous,", "Merci beaucoup,", "Salutations,"},
		{"Danke,", "Vielen Dank im Voraus,", "Viele Grüße,", "Mit freundlichen Grüßen,", "Danke für die Hilfe!", "Beste Grüße,", "LG", "VG,", "Gruß,", "Schöne Grüße,"},
	}
	howtoExtras = [numLangs][]string{
		{"I'm using the desktop app on Windows 11.", "Two colleagues have the same question.", "We only started using this last month.", "I searched online but the screenshots don't match what I see.", "I'm on a Mac, if that matters.", "Ideally before our team meeting on Thursday."},
		{"J'utilise l'application de bureau sous Windows 11.", "Deux collègues ont la même question.", "Nous utilisons cet outil depuis le mois dernier seulement.", "J'ai cherché sur internet mais les captures ne correspondent pas à ce que je vois.", "Je suis sur Mac, si ça change quelque chose.", "Idéalement avant notre réunion d'équipe de jeudi."},
		{"Ich nutze die Desktop-App unter Windows 11.", "Zwei Kollegen haben die gleiche Frage.", "Wir nutzen das erst seit letztem Monat.", "Ich habe im Internet gesucht, aber die Screenshots passen nicht zu meiner Ansicht.", "Ich arbeite an einem Mac, falls das wichtig ist.", "Am besten vor unserem Teammeeting am Donnerstag."},
	}
	incidentExtras = [numLangs][]string{
		{"It started this morning.", "Several colleagues have the same problem.", "Restarting the PC did not help.", "It worked fine yesterday.", "This is blocking our work."},
		{"Ça a commencé ce matin.", "Plusieurs collègues ont le même problème.", "Redémarrer le PC n'a rien changé.", "Hier tout fonctionnait.", "Cela bloque notre travail."},
		{"Das Problem besteht seit heute Morgen.", "Mehrere Kollegen haben das gleiche Problem.", "Ein Neustart hat nicht geholfen.", "Gestern lief noch alles.", "Das blockiert unsere Arbeit."},
	}
	urgentLines = [numLangs]string{
		"It's urgent, I have a customer meeting this afternoon.",
		"C'est urgent, j'ai une réunion client cet après-midi.",
		"Es ist dringend, ich habe heute Nachmittag einen Kundentermin.",
	}
	urgentPrefix = [numLangs]string{"URGENT: ", "URGENT : ", "DRINGEND: "}
	replyPrefix  = [numLangs][]string{{"RE: ", "Re: ", "FW: "}, {"RE : ", "TR : ", "Re: "}, {"AW: ", "WG: ", "Re: "}}
	callPrefix   = [numLangs]string{"Call from %s: ", "Appel de %s : ", "Anruf von %s: "}
	chatOpeners  = [numLangs][]string{{"hi, ", "hello ", ""}, {"bonjour, ", "salut, ", ""}, {"hallo, ", "hi, ", ""}}
	// English messages pasted into French and German tickets: error texts
	// and phone footers are often left untranslated.
	pastedEnglish = []string{"Something went wrong. Please try again later.", "You don't have permission to access this item.", "We couldn't sign you in. Please try again.", "Your organization's policies prevent this action."}
	pasteLeads    = [numLangs][]string{{"The message says: "}, {"Le message dit : ", "Message d'erreur : ", "Il affiche : "}, {"Die Meldung lautet: ", "Fehlermeldung: ", "Es kommt: "}}
	englishFooter = "Sent from my iPhone"
	// Mail apps' footers in the writer's own language.
	mobileFooters = [numLangs][]string{
		{"Sent from my iPhone", "Sent from my Galaxy", "Get Outlook for Android", "Sent from Outlook for iOS"},
		{"Envoyé de mon iPhone", "Envoyé depuis mon smartphone Samsung", "Obtenir Outlook pour Android"},
		{"Von meinem iPhone gesendet", "Gesendet von Outlook für Android", "Von meinem Samsung Galaxy gesendet"},
	}
	// Lines under a signature: a job title or department, a phone number.
	jobTitles = [numLangs][]string{
		{"Office Manager", "Sales Director", "Accounts Team", "Project Lead", "HR Assistant", "Operations"},
		{"Responsable administrative", "Directeur commercial", "Comptabilité", "Chef de projet", "Assistante RH", "Service client"},
		{"Büroleitung", "Vertriebsleiter", "Buchhaltung", "Projektleitung", "Personalabteilung", "Kundenservice"},
	}
	phoneLabels = [numLangs][]string{{"Tel: ", "Phone: ", "Mobile: ", "M: "}, {"Tél : ", "Tél. ", "Portable : ", "Ligne directe : "}, {"Tel.: ", "Telefon: ", "Mobil: ", "Durchwahl: "}}
	phonePrefix = [numLangs]string{"+44 20 ", "+33 1 ", "+49 89 "}
	// An agent's earlier question, quoted under a reply.
	quoteLeads = [numLangs]string{"On %s, IT Support <support@example.com> wrote:", "Le %s, Support informatique <support@example.com> a écrit :", "Am %s schrieb IT-Support <support@example.com>:"}
	agentAsks  = [numLangs][]string{
		{"Could you send us a screenshot of what you see?", "Which device are you using?", "Is this still happening?"},
		{"Pouvez-vous nous envoyer une capture d'écran ?", "Sur quel appareil êtes-vous ?", "Le problème est-il toujours d'actualité ?"},
		{"Können Sie uns einen Screenshot schicken?", "Welches Gerät nutzen Sie?", "Besteht das noch?"},
	}
	quoteDates = [numLangs][]string{{"Mon, 2 Mar 2026 at 09:14", "Tue, 14 Apr 2026 at 16:02"}, {"lun. 2 mars 2026 à 09:14", "mar. 14 avr. 2026 à 16:02"}, {"02.03.2026 um 09:14", "14.04.2026 um 16:02"}}
	// References people paste: ticket and order numbers.
	refLines = [numLangs][]string{{"Ref: INC%07d", "(ticket #%d)", "Order number %d"}, {"Réf. : INC%07d", "(ticket n° %d)", "Numéro de commande %d"}, {"Ref.: INC%07d", "(Ticket Nr. %d)", "Bestellnummer %d"}}
	// Terse chat: the question in a few words.
	chatEndings = []string{"?", "??", " pls", "", " asap", "?!"}
)

// ticketText is the wording of one ticket and what the ground truth needs.
type ticketText struct {
	subject, body string
	lang          int  // language of the body
	mixed         bool // parts in another language
}

// compose words a ticket on topic t in language lang for the given channel.
func compose(rng *rand.Rand, t *topic, lang int, channel, priority string) ticketText {
	ph := t.text[lang]
	b := rng.IntN(len(ph.bodies))
	core := ph.bodies[b]
	tt := ticketText{lang: lang, subject: pick(rng, ph.subjects)}
	// The long tail's paraphrases are distinct requests, so subject and body
	// go in pairs; a planted theme's are interchangeable more often than not.
	if b < len(ph.subjects) && (t.theme == "" || chance(rng, 0.4)) {
		tt.subject = ph.subjects[b]
	}
	var extras []string
	switch {
	case t.category == catHowTo && chance(rng, 0.35):
		extras = append(extras, pick(rng, howtoExtras[lang]))
	case (t.category == catPerformance || t.category == catUpdates) && chance(rng, 0.45):
		extras = append(extras, pick(rng, incidentExtras[lang]))
	}
	if priority == "urgent" || priority == "high" && chance(rng, 0.3) {
		extras = append(extras, urgentLines[lang])
	}
	if lang != langEN {
		switch x := rng.Float64(); {
		case x < 0.04: // an English subject line, e.g. from a forwarded thread
			tt.subject, tt.mixed = pick(rng, t.text[langEN].subjects), true
		case x < 0.07 && t.category != catBilling && t.category != catOther:
			extras = append(extras, pick(rng, pasteLeads[lang])+"\""+pick(rng, pastedEnglish)+"\"")
			tt.mixed = true
		}
	}
	if chance(rng, 0.04) {
		extras = append(extras, fmt.Sprintf(pick(rng, refLines[lang]), 100000+rng.IntN(9000000)))
	}
	tt.body = wrap(rng, channel, lang, core, extras)
	if channel == "chat" && chance(rng, 0.12) {
		// Some chats are just the question in a few words.
		tt.body = pick(rng, chatOpeners[lang]) + lowerFirst(strings.TrimRight(tt.subject, "?!. ")) + pick(rng, chatEndings)
	}
	if channel == "email" {
		tt.body = addFooter(rng, tt.body, lang, &tt.mixed)
	}
	subject, replied := decorateSubject(rng, tt.subject, channel, priority, lang)
	tt.subject = subject
	if replied && chance(rng, 0.6) {
		tt.body += "\n\n" + fmt.Sprintf(quoteLeads[lang], pick(rng, quoteDates[lang])) + "\n> " + pick(rng, agentAsks[lang])
	}
	return roughen(rng, tt)
}

// addFooter appends what mail apps add: now and then an English footer to
// a French or German mail (a mixed-language ticket), or one in the
// writer's language.
func addFooter(rng *rand.Rand, body string, lang int, mixed *bool) string {
	switch {
	case !*mixed && lang != langEN && chance(rng, 0.05):
		*mixed = true
		return body + "\n\n" + englishFooter
	case chance(rng, 0.07):
		return body + "\n\n" + pick(rng, mobileFooters[lang])
	}
	return body
}

// wrap puts the core sentence into the shape a channel produces: e-mails
// with greeting and signature, terse chat lines, agents' call notes.
func wrap(rng *rand.Rand, channel string, lang int, core string, extras []string) string {
	text := strings.Join(append([]string{core}, extras...), " ")
	switch channel {
	case "email":
		sign := signature(rng, lang)
		var b strings.Builder
		if g := pick(rng, greetings[lang]); chance(rng, 0.85) {
			b.WriteString(g + "\n\n")
		}
		b.WriteString(text)
		b.WriteString("\n\n" + pick(rng, closings[lang]) + "\n" + sign)
		return b.String()
	case "chat":
		text = pick(rng, chatOpeners[lang]) + lowerFirst(text)
		if chance(rng, 0.4) {
			text = strings.TrimRight(text, ".?! ")
		}
		return text
	case "phone":
		first, last := personName(rng, lang)
		return strings.Replace(callPrefix[lang], "%s", first+" "+last, 1) + text
	}
	if chance(rng, 0.3) {
		text += " " + pick(rng, portalClosings[lang])
	}
	return text
}

// decorateSubject adds what subjects carry besides the question; it
// reports whether the subject became a reply ("RE: …").
func decorateSubject(rng *rand.Rand, s, channel, priority string, lang int) (string, bool) {
	replied := false
	switch {
	case priority == "urgent" && chance(rng, 0.5):
		s = urgentPrefix[lang] + s
	case channel == "email" && chance(rng, 0.08):
		s, replied = pick(rng, replyPrefix[lang])+s, true
	case channel == "chat" && chance(rng, 0.3):
		s = lowerFirst(s)
	case channel == "portal" && chance(rng, 0.05):
		s = fmt.Sprintf("[#%d] %s", 10000+rng.IntN(90000), s)
	}
	return s, replied
}

// signature is the name under an e-mail, sometimes with a job title and a
// phone number.
func signature(rng *rand.Rand, lang int) string {
	first, last := personName(rng, lang)
	sign := first
	if chance(rng, 0.5) {
		sign += " " + last
	}
	if chance(rng, 0.2) {
		sign += "\n" + pick(rng, jobTitles[lang])
	}
	if chance(rng, 0.15) {
		sign += fmt.Sprintf("\n%s%s%03d %04d", pick(rng, phoneLabels[lang]), phonePrefix[lang], rng.IntN(1000), rng.IntN(10000))
	}
	return sign
}

// roughen adds what hurried people type: a few typos, and for French and
// German sometimes no accents at all (a foreign keyboard or a phone).
func roughen(rng *rand.Rand, tt ticketText) ticketText {
	if tt.lang != langEN && chance(rng, 0.06) {
		tt.body = stripAccents(tt.body)
		tt.subject = stripAccents(tt.subject)
	}
	if chance(rng, 0.14) {
		for n := 1 + rng.IntN(3); n > 0; n-- {
			tt.body = typo(rng, tt.body)
		}
	}
	if chance(rng, 0.04) {
		tt.subject = typo(rng, tt.subject)
	}
	return tt
}

// typo swaps, drops or doubles one letter inside a word of five letters or
// more, the slips spell checkers catch and ticket forms do not.
func typo(rng *rand.Rand, s string) string {
	r := []rune(s)
	var starts []int
	for i := 0; i < len(r); {
		j := i
		for j < len(r) && unicode.IsLetter(r[j]) {
			j++
		}
		if j-i >= 5 {
			starts = append(starts, i)
		}
		i = j + 1
	}
	if len(starts) == 0 {
		return s
	}
	i := pick(rng, starts) + 1 + rng.IntN(3) // never the first letter
	switch rng.IntN(3) {
	case 0:
		r[i], r[i+1] = r[i+1], r[i]
	case 1:
		r = append(r[:i], r[i+1:]...)
	default:
		r = append(r[:i+1], r[i:]...)
	}
	return string(r)
}

func stripAccents(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "à", "a", "â", "a", "ç", "c", "î", "i", "ô", "o", "û", "u", "ù", "u",
		"ä", "a", "ö", "o", "ü", "u", "ß", "ss", "É", "E", "Ä", "A", "Ö", "O", "Ü", "U").Replace(s)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	// Keep product names such as Teams or Outlook capitalised.
	if w, _, _ := strings.Cut(s, " "); strings.ContainsAny(w[n:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") || isProduct(w) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func isProduct(w string) bool {
	switch strings.Trim(w, ",.:?!") {
	case "Teams", "Outlook", "OneDrive", "SharePoint", "Excel", "Word", "PowerPoint", "Office", "Windows", "Microsoft", "VPN", "MFA":
		return true
	}
	return false
}
