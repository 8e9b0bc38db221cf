package annotate

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"newsmark/model"
)

// A big text goes through the paths that save memory (no reading ahead on
// another core, the paragraphs, sentences and block index made after the
// entity pass, the figure openers listed again, the chunk list dropped
// before the alias scan): they find what the usual paths find.
func TestBigTextPathsFindTheSame(t *testing.T) {
	body := corpus(t, 300<<10)
	a := model.Article{Body: body, Title: "Acme Holdings agrees $3 billion deal", Caption: "Acme's chief executive",
		Contributors: []string{"Jane Doe", "Kestrel Gulf"}}
	want := Article(a)
	defer func(n int) { bigText = n }(bigText)
	bigText = 0
	got := Article(a)
	if len(want.Entities) == 0 || len(want.Quotes) == 0 || len(want.Ventures) == 0 {
		t.Fatalf("the corpus gave %d entities, %d quotes, %d ventures: the test reads too little",
			len(want.Entities), len(want.Quotes), len(want.Ventures))
	}
	if !reflect.DeepEqual(want, got) {
		for i := range min(len(want.Entities), len(got.Entities)) {
			if !reflect.DeepEqual(want.Entities[i], got.Entities[i]) {
				t.Fatalf("entity %d differs:\nusual: %+v\nbig:   %+v", i, want.Entities[i], got.Entities[i])
			}
		}
		t.Fatalf("the big-text paths found %d entities, %d quotes, %d ventures; the usual ones %d, %d, %d",
			len(got.Entities), len(got.Quotes), len(got.Ventures), len(want.Entities), len(want.Quotes), len(want.Ventures))
	}
}

// tokenBound, which sizes a big text's token array, is never below the
// count of tokens of valid UTF-8, and not far above it on news.
func TestTokenBound(t *testing.T) {
	texts := append([]string{corpus(t, 200<<10), "", "a", "\n\n\n", "“Quoted,” she said’s", "x" + string(make([]byte, 70000))},
		fuzzSeeds...)
	for _, s := range texts {
		if !utf8.ValidString(s) {
			continue
		}
		n, b := len(scan(s, nil, nil)), tokenBound(s)
		if b < n {
			t.Errorf("tokenBound(%.40q…) = %d, below the %d tokens", s, b, n)
		}
	}
	news := corpus(t, 200<<10)
	if n, b := len(scan(news, nil, nil)), tokenBound(news); b > n*23/20 {
		t.Errorf("on news tokenBound is %d for %d tokens: more than 15%% to spare", b, n)
	}
}

// A big text's long or late contexts are lowered piece by piece: the body
// is never copied whole in lower case (a second body held to the end of the
// run), and each piece reads as the whole lowered body would.
func TestBigTextLowersPiecesNotTheBody(t *testing.T) {
	body := corpus(t, 64<<10)
	want := strings.ToLower(body) // the corpus is ASCII where it has capitals to lower
	for _, big := range []bool{false, true} {
		func() {
			if big {
				defer func(n int) { bigText = n }(bigText)
				bigText = 0
			}
			d := newDoc(model.Article{Body: body})
			defer d.release()
			for s := 0; s+300 <= len(body); s += 997 {
				if got := d.lowerAt(s, s+300); got != want[s:s+300] {
					t.Fatalf("big %v: lowerAt(%d, %d) = %.40q…, want %.40q…", big, s, s+300, got, want[s:s+300])
				}
			}
			if whole := len(d.lower) == len(body); whole == big {
				t.Fatalf("big %v: the whole body lowered: %v", big, whole)
			}
		}()
	}
}
