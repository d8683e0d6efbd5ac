package themes

import "testing"

func TestCleanKeepsOnlyTheRequest(t *testing.T) {
	cases := []struct {
		name, subject, body, wantSubject, wantBody string
	}{
		{"english signature", "RE: AW: How do I share my screen?",
			"Hello,\n\nHow do I share my screen?\n\nBest regards,\nAnna Smith\nContoso Ltd",
			"How do I share my screen?", "How do I share my screen?"},
		{"french quoted reply", "TR : [EXTERNAL] Partage d'écran",
			"Ça ne marche toujours pas.\n\nLe 3 mars 2026 à 10:00, Support <s@example.fr> a écrit :\n> Bonjour,\n> essayez ceci",
			"Partage d'écran", "Ça ne marche toujours pas."},
		{"german signature and phone footer", "DRINGEND Kalender freigeben",
			"Hallo zusammen,\n\nwie gebe ich meinen Kalender frei?\n\nMit freundlichen Grüßen\nMax Mustermann\nTel. +49 89 123456",
			"Kalender freigeben", "wie gebe ich meinen Kalender frei?"},
		{"outlook header block", "FW: Ticket #12345: OneDrive sync",
			"Please see below.\n\nFrom: Ana Lopez\nSent: Monday, 2 March 2026 09:00\nTo: Support\nSubject: sync\n\nOld text",
			"OneDrive sync", "Please see below."},
		{"quoted lines and mobile footer", "Room booking",
			"How do I add the room?\n> earlier message\nSent from my iPhone",
			"Room booking", "How do I add the room?"},
		{"addresses, links and ticket numbers", "URGENT: links",
			"Please mail anna@contoso.com or open https://contoso.sharepoint.com/sites/x, ticket INC0012345.",
			"links", "Please mail or open ticket"},
		{"call note lead", "Recording", "Call from Ana Lopez: she cannot find the recording.", "Recording", "she cannot find the recording."},
		{"inline greeting", "background", "hi, how do I blur my background", "background", "how do I blur my background"},
		{"bare name at the end", "Mailbox", "How do I open the shared mailbox?\nAnna Schmidt", "Mailbox", "How do I open the shared mailbox?"},
		{"sign-off with name", "Rules", "How do I create a rule?\nThanks in advance!\nPaul\n--\nIT department", "Rules", "How do I create a rule?"},
		{"closing first is kept", "Merci", "Merci de m'aider avec Teams", "Merci", "Merci de m'aider avec Teams"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, b := Clean(c.subject, c.body)
			if s != c.wantSubject {
				t.Errorf("subject %q, want %q", s, c.wantSubject)
			}
			if b != c.wantBody {
				t.Errorf("body %q, want %q", b, c.wantBody)
			}
		})
	}
}
