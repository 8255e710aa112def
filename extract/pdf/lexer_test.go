package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// ops renders what the lexer hands the interpreter.
func ops(content string) string {
	var out []string
	interpretContent([]byte(content), func(op string, args []operand) {
		var as []string
		for _, a := range args {
			as = append(as, fmtOperand(a))
		}
		out = append(out, op+"("+strings.Join(as, ",")+")")
	})
	return strings.Join(out, " ")
}

func fmtOperand(a operand) string {
	switch a.kind {
	case opNumber:
		return fmt.Sprint(a.num)
	case opName:
		return "/" + a.str
	case opString:
		return fmt.Sprintf("%q", a.str)
	case opArray:
		var as []string
		for _, x := range a.arr {
			as = append(as, fmtOperand(x))
		}
		return "[" + strings.Join(as, " ") + "]"
	}
	return "?"
}

func TestLexer(t *testing.T) {
	cases := []struct{ in, want string }{
		{"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", `BT() Tf(/F1,12) Td(72,700) Tj("Hello") ET()`},
		{`[(A) -120 (B\)\(\\) 3.5]TJ`, `TJ(["A" -120 "B)(\\" 3.5])`},
		{`(a(b)c\101\n\
d) Tj <48 65 6c6C 6> Tj`, `Tj("a(b)cA\nd") Tj("Hel` + "l`" + `")`},
		{"/A#20B cs .5 -.25 +1 --2 rg", `cs(/A B) rg(0.5,-0.25,1,-2)`},
		{"/P <</MCID 3 /Alt (x)>> BDC EMC", `BDC(/P,?) EMC()`},
		{"q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00(\xff[ EI Q % comment\n1 0 0 1 5 5 cm", `q() Q() cm(1,0,0,1,5,5)`},
		{"true false null ] > ) S", `S(?,?,?)`},
	}
	for _, c := range cases {
		if got := ops(c.in); got != c.want {
			t.Errorf("ops(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// FuzzContentLexer: any bytes lex without panic and in bounded time.
func FuzzContentLexer(f *testing.F) {
	f.Add([]byte("BT /F1 12 Tf [(A) -120 (B)] TJ ET"))
	f.Add([]byte("BI /W 2 ID \x00(\xff EI"))
	f.Add([]byte("<<<<<< [[[[ ((((( \\"))
	f.Add([]byte("<4"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		interpretContent(b, func(op string, args []operand) {
			n++
			if n > len(b)+1 {
				t.Fatalf("more operators (%d) than bytes (%d)", n, len(b))
			}
		})
	})
}
