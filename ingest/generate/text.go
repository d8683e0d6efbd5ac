package generate

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pieces that wrap a ticket's core sentence, per language.
var (
	greetings = [numLangs][]string{
		{"Hello,", "Hi,", "Hi team,", "Good morning,", "Dear support,", "Hello support team,"},
		{"Bonjour,", "Bonjour à tous,", "Bonjour le support,", "Madame, Monsieur,", "Bonjour l'équipe,"},
		{"Hallo,", "Guten Tag,", "Guten Morgen,", "Hallo zusammen,", "Sehr geehrte Damen und Herren,", "Hallo Support,"},
	}
	portalClosings = [numLangs][]string{{"Thanks", "Thank you!", "Thanks in advance."}, {"Merci", "Merci d'avance.", "Merci !"}, {"Danke", "Danke im Voraus.", "Vielen Dank!"}}
	closings       = [numLangs][]string{
		{"Thanks,", "Thank you in advance,", "Best regards,", "Cheers,", "Thanks for your help!", "Kind regards,"},
		{"Merci,", "Merci d'avance,", "Cordialement,", "Bien cordialement,", "Merci pour votre aide !", "Bonne journée,"},
		{"Danke,", "Vielen Dank im Voraus,", "Viele Grüße,", "Mit freundlichen Grüßen,", "Danke für die Hilfe!", "Beste Grüße,"},
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
	tt.body = wrap(rng, channel, lang, core, extras)
	if channel == "email" && !tt.mixed && chance(rng, 0.05) && lang != langEN {
		tt.body += "\n\n" + englishFooter
		tt.mixed = true
	}
	tt.subject = decorateSubject(rng, tt.subject, channel, priority, lang)
	return roughen(rng, tt)
}

// wrap puts the core sentence into the shape a channel produces: e-mails
// with greeting and signature, terse chat lines, agents' call notes.
func wrap(rng *rand.Rand, channel string, lang int, core string, extras []string) string {
	text := strings.Join(append([]string{core}, extras...), " ")
	switch channel {
	case "email":
		first, last := personName(rng, lang)
		sign := first
		if chance(rng, 0.5) {
			sign += " " + last
		}
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

func decorateSubject(rng *rand.Rand, s, channel, priority string, lang int) string {
	switch {
	case priority == "urgent" && chance(rng, 0.5):
		s = urgentPrefix[lang] + s
	case channel == "email" && chance(rng, 0.08):
		s = pick(rng, replyPrefix[lang]) + s
	case channel == "chat" && chance(rng, 0.3):
		s = lowerFirst(s)
	}
	return s
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
