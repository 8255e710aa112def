package dates

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
)

// realDues are due texts printed in real plans: the gold files of the five
// corpus documents (gold000 … gold004), the Completed by column of the 2016
// AML/CTF action plan (aml), the Timescale column of Kent's ICS priorities
// (kent) and the milestone table of the Oxfordshire growth deal (oxon).
// Context year 2007 applies to year-less texts.
var realDues = []struct {
	src, text, start, end, precision, recurrence, note string
}{
	{"gold001", "Spring, 2008", "2008-03-01", "2008-05-31", "season", "", ""},
	{"dcms", "by Summer Recess 2013", "2013-06-01", "2013-08-31", "season", "", ""},
	{"xlsx", "31-Mar-25", "2025-03-31", "2025-03-31", "day", "", ""},
	{"xlsx", "1-Apr-2024", "2024-04-01", "2024-04-01", "day", "", ""},
	{"gold001", "Autumn, 2007", "2007-09-01", "2007-11-30", "season", "", ""},
	{"gold001", "Winter, 2007", "2007-12-01", "2008-02-29", "season", "", ""},
	{"gold001", "Summer, 2008", "2008-06-01", "2008-08-31", "season", "", ""},
	{"gold001", "Spring, 2009", "2009-03-01", "2009-05-31", "season", "", ""},
	{"gold001", "Summer, 2007", "2007-06-01", "2007-08-31", "season", "", ""},
	{"gold004", "2009-10 - 2010-11", "2009-04-01", "2011-03-31", "range", "", ""},
	{"gold001", "Winter, 2008", "2008-12-01", "2009-02-28", "season", "", ""},
	{"gold001", "Winter, 2010", "2010-12-01", "2011-02-28", "season", "", ""},
	{"gold001", "Autumn, 2008", "2008-09-01", "2008-11-30", "season", "", ""},
	{"gold001", "Winter, 2007, ongoing thereafter", "2007-12-01", "2008-02-29", "season", "ongoing", ""},
	{"gold001", "Summer, 2009", "2009-06-01", "2009-08-31", "season", "", ""},
	{"gold001", "Ongoing", "", "", "ongoing", "", ""},
	{"gold000", "July 2003", "2003-07-01", "2003-07-31", "month", "", ""},
	{"gold001", "Winter, 2009", "2009-12-01", "2010-02-28", "season", "", ""},
	{"gold001", "Winter 2007, ongoing thereafter", "2007-12-01", "2008-02-29", "season", "ongoing", ""},
	{"gold001", "Spring, 2010", "2010-03-01", "2010-05-31", "season", "", ""},
	{"gold000", "October 2002", "2002-10-01", "2002-10-31", "month", "", ""},
	{"gold000", "June 2003", "2003-06-01", "2003-06-30", "month", "", ""},
	{"gold001", "Summer, 2011", "2011-06-01", "2011-08-31", "season", "", ""},
	{"gold000", "November 2002", "2002-11-01", "2002-11-30", "month", "", ""},
	{"gold000", "May 2003", "2003-05-01", "2003-05-31", "month", "", ""},
	{"gold000", "2003", "2003-01-01", "2003-12-31", "year", "", ""},
	{"gold000", "spring 2003", "2003-03-01", "2003-05-31", "season", "", ""},
	{"gold002", "first part of 2005/06", "2005-04-01", "2005-09-30", "part-year", "", ""},
	{"gold000", "end of the 2002 - 2003 financial year", "2002-04-01", "2003-03-31", "financial-year", "", ""},
	{"gold000", "end of March 2004", "2004-03-01", "2004-03-31", "month", "", ""},
	{"gold002", "end of 2005/06", "2005-04-01", "2006-03-31", "financial-year", "", ""},
	{"gold000", "early 2003", "2003-01-01", "2003-04-30", "part-year", "", ""},
	{"gold000", "autumn 2003", "2003-09-01", "2003-11-30", "season", "", ""},
	{"gold001", "Winter, 2007, quarterly thereafter", "2007-12-01", "2008-02-29", "season", "quarterly", ""},
	{"gold001", "To be confirmed in Climate Change Action Plan", "", "", "", "", "To be confirmed in Climate Change Action Plan"},
	{"gold001", "Summer, 2010", "2010-06-01", "2010-08-31", "season", "", ""},
	{"gold001", "Summer, 2008, ongoing thereafter", "2008-06-01", "2008-08-31", "season", "ongoing", ""},
	{"gold001", "Summer, 2008, annually thereafter", "2008-06-01", "2008-08-31", "season", "annually", ""},
	{"gold001", "Summer, 2007, annually thereafter", "2007-06-01", "2007-08-31", "season", "annually", ""},
	{"gold001", "Spring, 2012", "2012-03-01", "2012-05-31", "season", "", ""},
	{"gold001", "Spring, 2007", "2007-03-01", "2007-05-31", "season", "", ""},
	{"gold000", "September 2003", "2003-09-01", "2003-09-30", "month", "", ""},
	{"gold000", "October 2002 - March 2003", "2002-10-01", "2003-03-31", "range", "", ""},
	{"gold000", "March 2003", "2003-03-01", "2003-03-31", "month", "", ""},
	{"gold000", "January and May 2003", "2003-01-01", "2003-05-31", "range", "", ""},
	{"gold000", "February 2004", "2004-02-01", "2004-02-29", "month", "", ""},
	{"gold000", "February 2003", "2003-02-01", "2003-02-28", "month", "", ""},
	{"gold001", "Autumn, 2011", "2011-09-01", "2011-11-30", "season", "", ""},
	{"gold001", "Autumn, 2008 (dependent on delivery of National Carers Strategy)", "2008-09-01", "2008-11-30", "season", "", "dependent on delivery of National Carers Strategy"},
	{"gold001", "Autumn, 2007, ongoing thereafter", "2007-09-01", "2007-11-30", "season", "ongoing", ""},
	{"gold001", "Autumn, 2007, annually thereafter to 2010", "2007-09-01", "2010-12-31", "season", "annually", ""},
	{"gold000", "August 2003", "2003-08-01", "2003-08-31", "month", "", ""},
	{"gold000", "April 2003", "2003-04-01", "2003-04-30", "month", "", ""},
	{"gold000", "31 March 2003", "2003-03-31", "2003-03-31", "day", "", ""},
	{"gold002", "1 April 2006", "2006-04-01", "2006-04-01", "day", "", ""},
	{"gold001", "Summer, 2007 Spring, 2008 Summer, 2008", "2007-06-01", "2007-08-31", "season", "", ""},
	{"aml", "Oct 2018", "2018-10-01", "2018-10-31", "month", "", ""},
	{"aml", "July 2016", "2016-07-01", "2016-07-31", "month", "", ""},
	{"aml", "End 2016", "2016-01-01", "2016-12-31", "year", "", ""},
	{"aml", "Oct 2017", "2017-10-01", "2017-10-31", "month", "", ""},
	{"aml", "Oct 2016", "2016-10-01", "2016-10-31", "month", "", ""},
	{"aml", "Mar 2017", "2017-03-01", "2017-03-31", "month", "", ""},
	{"aml", "Autumn 2016", "2016-09-01", "2016-11-30", "season", "", ""},
	{"aml", "End 2017", "2017-01-01", "2017-12-31", "year", "", ""},
	{"aml", "Jan 2017", "2017-01-01", "2017-01-31", "month", "", ""},
	{"aml", "June 2017", "2017-06-01", "2017-06-30", "month", "", ""},
	{"kent", "Mar 2026", "2026-03-01", "2026-03-31", "month", "", ""},
	{"kent", "March 2026", "2026-03-01", "2026-03-31", "month", "", ""},
	{"kent", "2028", "2028-01-01", "2028-12-31", "year", "", ""},
	{"kent", "Sept 2024 for SDP, end Q3 for other delivery plans", "2024-09-01", "2024-09-30", "month", "", ""},
	{"kent", "1-2 years", "", "", "", "", ""},
	{"kent", "April 2027", "2027-04-01", "2027-04-30", "month", "", ""},
	{"kent", "March 2025", "2025-03-01", "2025-03-31", "month", "", ""},
	{"kent", "2020/21", "2020-04-01", "2021-03-31", "financial-year", "", ""},
	{"kent", "2021/22", "2021-04-01", "2022-03-31", "financial-year", "", ""},
	{"kent", "2028/29", "2028-04-01", "2029-03-31", "financial-year", "", ""},
	{"kent", "2022/23", "2022-04-01", "2023-03-31", "financial-year", "", ""},
	{"kent", "Oct 24", "2024-10-01", "2024-10-31", "month", "", ""},
	{"kent", "March 27", "2027-03-01", "2027-03-31", "month", "", ""},
	{"kent", "June 26", "2026-06-01", "2026-06-30", "month", "", ""},
	{"kent", "Nov 24", "2024-11-01", "2024-11-30", "month", "", ""},
	{"kent", "2024-2029", "2024-01-01", "2029-12-31", "range", "", ""},
	{"kent", "2022-2027", "2022-01-01", "2027-12-31", "range", "", ""},
	{"kent", "2026-28", "2026-01-01", "2028-12-31", "range", "", ""},
	{"kent", "June 24- Nov 24", "2024-06-01", "2024-11-30", "range", "", ""},
	{"kent", "(Q4 23/24)", "2024-01-01", "2024-03-31", "quarter", "", ""},
	{"kent", "start of June ‘24", "2024-06-01", "2024-06-30", "month", "", ""},
	{"kent", "by Sept 24", "2024-09-01", "2024-09-30", "month", "", ""},
	{"kent", "no later than April 26", "2026-04-01", "2026-04-30", "month", "", ""},
	{"kent", "by December 2024", "2024-12-01", "2024-12-31", "month", "", ""},
	{"kent", "by 2045", "2045-01-01", "2045-12-31", "year", "", ""},
	{"oxon", "31 March 2018", "2018-03-31", "2018-03-31", "day", "", ""},
	{"oxon", "1 April 2019", "2019-04-01", "2019-04-01", "day", "", ""},
	{"oxon", "30 October 2019", "2019-10-30", "2019-10-30", "day", "", ""},
	{"oxon", "31 March 2020", "2020-03-31", "2020-03-31", "day", "", ""},
	{"oxon", "31 March 2021", "2021-03-31", "2021-03-31", "day", "", ""},
	{"oxon", "by 2021", "2021-01-01", "2021-12-31", "year", "", ""},
	{"oxon", "by 31 January 2018", "2018-01-31", "2018-01-31", "day", "", ""},
	{"oxon", "by March 2021", "2021-03-01", "2021-03-31", "month", "", ""},
	{"oxon", "by June 2018", "2018-06-01", "2018-06-30", "month", "", ""},
	{"oxon", "up until 2022", "2022-01-01", "2022-12-31", "year", "", ""},
}

func TestParseDueReal(t *testing.T) {
	if len(realDues) < 80 {
		t.Fatalf("only %d real strings", len(realDues))
	}
	for _, tt := range realDues {
		d := ParseDue(tt.text, DateContext{Year: 2007})
		if d.Text != strings.TrimSpace(tt.text) || d.Start != tt.start || d.End != tt.end || d.Precision != tt.precision ||
			d.Recurrence != tt.recurrence || d.Note != tt.note {
			t.Errorf("%s ParseDue(%q)\n got %+v\nwant start=%s end=%s precision=%s recurrence=%s note=%q",
				tt.src, tt.text, d, tt.start, tt.end, tt.precision, tt.recurrence, tt.note)
		}
		if d.Inferred {
			t.Errorf("%s ParseDue(%q): inferred, but the year is printed", tt.src, tt.text)
		}
	}
}

// TestParseDueConventions pins the conventions of docs/dates.md that the
// real strings do not cover.
func TestParseDueConventions(t *testing.T) {
	tests := []struct {
		text             string
		year             int
		start, end, prec string
		inferred         bool
		recurrence, note string
	}{
		{"Winter 2011", 0, "2011-12-01", "2012-02-29", "season", false, "", ""}, // leap year
		{"Winter 2007/08", 0, "2007-12-01", "2008-02-29", "season", false, "", ""},
		{"mid 2008", 0, "2008-05-01", "2008-08-31", "part-year", false, "", ""},
		{"late 2007", 0, "2007-09-01", "2007-12-31", "part-year", false, "", ""},
		{"mid-2008", 0, "2008-05-01", "2008-08-31", "part-year", false, "", ""},
		{"early March 2008", 0, "2008-03-01", "2008-03-10", "part-month", false, "", ""},
		{"late spring 2008", 0, "2008-05-01", "2008-05-31", "month", false, "", ""},
		{"second half of 2009", 0, "2009-07-01", "2009-12-31", "part-year", false, "", ""},
		{"FY 2005/06", 0, "2005-04-01", "2006-03-31", "financial-year", false, "", ""},
		{"FY24/25", 0, "2024-04-01", "2025-03-31", "financial-year", false, "", ""},
		{"financial year 2002-03", 0, "2002-04-01", "2003-03-31", "financial-year", false, "", ""},
		{"2005-2006", 0, "2005-01-01", "2006-12-31", "range", false, "", ""},
		{"2005-2006 financial year", 0, "2005-04-01", "2006-03-31", "financial-year", false, "", ""},
		{"2005/2006", 0, "2005-04-01", "2006-03-31", "financial-year", false, "", ""},
		{"Q3 2024/25", 0, "2024-10-01", "2024-12-31", "quarter", false, "", ""},
		{"Q1 2008", 0, "2008-01-01", "2008-03-31", "quarter", false, "", ""},
		{"first quarter of 2008", 0, "2008-01-01", "2008-03-31", "quarter", false, "", ""},
		{"Dec 24", 0, "2024-12-01", "2024-12-31", "month", false, "", ""},
		{"31/03/2018", 0, "2018-03-31", "2018-03-31", "day", false, "", ""},
		{"2018-03-31", 0, "2018-03-31", "2018-03-31", "day", false, "", ""},
		{"March 31, 2003", 0, "2003-03-31", "2003-03-31", "day", false, "", ""},
		{"29 February 2007", 0, "2007-02-01", "2007-02-28", "month", false, "", ""}, // no such day: the month
		{"by October", 2002, "2002-10-01", "2002-10-31", "month", true, "", ""},
		{"by October", 0, "", "", "month", false, "", ""},
		{"Spring", 2008, "2008-03-01", "2008-05-31", "season", true, "", ""},
		{"October - March 2003", 0, "2002-10-01", "2003-03-31", "range", false, "", ""},
		{"October to March", 2002, "2002-10-01", "2003-03-31", "range", true, "", ""},
		{"annually thereafter", 0, "", "", "", false, "annually", ""},
		{"Quarterly", 0, "", "", "", false, "quarterly", ""},
		{"twice yearly", 0, "", "", "", false, "six-monthly", ""},
		{"from April 2008 onwards", 0, "2008-04-01", "2008-04-30", "month", false, "ongoing", ""},
		{"TBC", 0, "", "", "", false, "", "TBC"},
		{"Completed", 0, "", "", "", false, "", "completed"},
		{"March 2009 (subject to funding)", 0, "2009-03-01", "2009-03-31", "month", false, "", "subject to funding"},
		{"31.03.18", 0, "2018-03-31", "2018-03-31", "day", false, "", ""},
		{"1st of April 2006", 0, "2006-04-01", "2006-04-01", "day", false, "", ""},
		{"Quarter 1 2008", 0, "2008-01-01", "2008-03-31", "quarter", false, "", ""},
		{"Sept. 2004", 0, "2004-09-01", "2004-09-30", "month", false, "", ""},
		{"Fall 2016", 0, "2016-09-01", "2016-11-30", "season", false, "", ""},
		{"June '24", 0, "2024-06-01", "2024-06-30", "month", false, "", ""},
		{"2008-03", 0, "2008-03-01", "2008-03-31", "month", false, "", ""},
		{"early 2005/06", 0, "2005-04-01", "2005-07-31", "part-year", false, "", ""},
		{"Sep-08", 0, "2008-09-01", "2008-09-30", "month", false, "", ""},
		{"Mar-2026", 0, "2026-03-01", "2026-03-31", "month", false, "", ""},
		{"2008/9", 0, "2008-04-01", "2009-03-31", "financial-year", false, "", ""},
		{"Autumn 2008/Spring 2009", 0, "2008-09-01", "2009-05-31", "range", false, "", ""},
		{"Spring/Summer 2008", 0, "2008-03-01", "2008-08-31", "range", false, "", ""},
		{"2nd Qtr 2008", 0, "2008-04-01", "2008-06-30", "quarter", false, "", ""},
		{"H1 2009", 0, "2009-01-01", "2009-06-30", "part-year", false, "", ""},
		{"end-2016", 0, "2016-01-01", "2016-12-31", "year", false, "", ""},
		{"Mid-March 2008", 0, "2008-03-11", "2008-03-20", "part-month", false, "", ""},
		{"01/04/2008 - 31/03/2009", 0, "2008-04-01", "2009-03-31", "range", false, "", ""},
		{"2010 and annually thereafter", 0, "2010-01-01", "2010-12-31", "year", false, "annually", ""},
		{"Q2", 2007, "2007-04-01", "2007-06-30", "quarter", true, "", ""},
		{"Years 1-3", 0, "", "", "", false, "", ""},
		{"", 0, "", "", "", false, "", ""},
	}
	if d := ParseDue("2005-2006", DateContext{Financial: true}); d.Start != "2005-04-01" || d.End != "2006-03-31" || d.Precision != "financial-year" {
		t.Errorf("ParseDue(2005-2006, financial) = %+v", d)
	}
	for _, tt := range tests {
		d := ParseDue(tt.text, DateContext{Year: tt.year})
		if d.Start != tt.start || d.End != tt.end || d.Precision != tt.prec || d.Inferred != tt.inferred ||
			d.Recurrence != tt.recurrence || d.Note != tt.note {
			t.Errorf("ParseDue(%q, %d)\n got %+v\nwant %s..%s %s inferred=%v recurrence=%s note=%q",
				tt.text, tt.year, d, tt.start, tt.end, tt.prec, tt.inferred, tt.recurrence, tt.note)
		}
	}
}

func TestFindAllDue(t *testing.T) {
	got := FindAllDue("Summer, 2007 Spring, 2008 Summer, 2008", DateContext{})
	var texts []string
	for _, d := range got {
		texts = append(texts, d.Text+"="+d.Start)
	}
	want := "Summer, 2007=2007-06-01|Spring, 2008=2008-03-01|Summer, 2008=2008-06-01"
	if s := strings.Join(texts, "|"); s != want {
		t.Errorf("FindAllDue = %s, want %s", s, want)
	}
}

// TestFindDueGold checks FindDue against every action and milestone of the
// prose-dated gold files: the due found in the printed text must be the
// gold due, and a text with no gold due must give none.
func TestFindDueGold(t *testing.T) {
	files := []string{
		"south-east-social-inclusion-partnership-report-2002-2003.jsonl",
		"oxfordshire-executive-2005-03-15-social-inclusion.jsonl",
		"milton-keynes-tackling-social-exclusion.jsonl",
	}
	n := 0
	for _, name := range files {
		f, err := os.Open(corpustest.Sample(t, filepath.Join("gold", name)))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a struct {
				Action     string `json:"action"`
				Due        string `json:"due"`
				Milestones []struct {
					Text string `json:"text"`
					Due  string `json:"due"`
				} `json:"milestones"`
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			check := func(text, want string) {
				n++
				d, ok := FindDue(text, DateContext{})
				if ok != (want != "") || d.Text != want {
					t.Errorf("%s: FindDue(%q) = %q %v, want %q", name, text, d.Text, ok, want)
				}
				if ok && d.Start == "" {
					t.Errorf("%s: FindDue(%q) has no start", name, text)
				}
			}
			check(a.Action, a.Due)
			for _, m := range a.Milestones {
				check(m.Text, m.Due)
			}
		}
		f.Close()
	}
	if n < 200 {
		t.Errorf("checked only %d texts", n)
	}
}

func TestFindText(t *testing.T) {
	cases := map[string]string{
		"First meeting of the Task Group took place in October 2002":                       "October 2002",
		"5 Task Group meetings held between January and May 2003":                          "January and May 2003",
		"Membership extended: done between October 2002 - March 2003":                      "October 2002 - March 2003",
		"Officer seconded by SEEDA (June 2003)":                                            "June 2003",
		"Monitor patterns of activity to the end of the 2002 - 2003 financial year":        "end of the 2002 - 2003 financial year",
		"Concordat to be drawn up in the April 2003 Health Summit by autumn 2003":          "autumn 2003",
		"the 2004 Regional Housing Strategy will be 'social inclusion proofed'":            "",
		"Monthly updates circulated to DPHs":                                               "",
		"Action Plan to be developed during the first part of 2005/06":                     "first part of 2005/06",
		"delivered fully and effectively by 1 April 2006, as the planning process for the": "1 April 2006",
	}
	for in, want := range cases {
		if got := FindText(in); got != want {
			t.Errorf("FindText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindDueSentences(t *testing.T) {
	tests := []struct{ text, want, start string }{
		{"In 2009-10 - 2010-11 we will:", "2009-10 - 2010-11", "2009-04-01"},
		{"Further SIPSE events to be organised after full-time SIPSE Project Manager is seconded by SEEDA (June 2003)", "June 2003", "2003-06-01"},
		{"Health 'Concordat' to be drawn up by participants in the April 2003 Health Summit by autumn 2003", "autumn 2003", "2003-09-01"},
		{"Winter, 2007, annually thereafter to 2010 the group will report", "Winter, 2007, annually thereafter to 2010", "2007-12-01"},
		{"to produce a realistic delivery plan by 31 January 2018. This plan should be agreed", "31 January 2018", "2018-01-31"},
		{"Oxfordshire will submit the plan by the end of March", "end of March", ""},
		{"The 2002 - 2012 Regional Economic Strategy was 'social inclusion proofed'", "", ""},
		{"Social Inclusion highlighted as major issue for consideration in 2003 Local Transport Plans by GOSE", "", ""},
		{"SEEDA has been collaborating for six months with the South East Social Enterprise Partnership", "", ""},
		{"Commitment to prepare twice yearly research digest for circulation", "", ""},
		{"Monthly updates circulated to DPHs and LSP leads", "", ""},
		{"Increase the number to 1,000 with £2005 of funding", "", ""},
		{"The score rose to 2010.5 points", "", ""},
		{"The Terrorism Act 2000 imposes a duty of disclosure upon persons in the regulated sector", "", ""},
		{"Draft Ilkley Sustainability Plan Ilkley 2030 and Beyond A proposal to create a just transition", "", ""},
		{"Create a register of banks’ particular British Bankers’ End 2016 business specialisms", "End 2016", "2016-01-01"},
		{"The Home Office ran a Call for Information between 25 February and 25 March 2015.", "25 February and 25 March 2015", "2015-02-25"},
		{"following consideration by the Cabinet Committee on 21st January, it was agreed", "21st January", ""},
		{"Government commits to work with Oxfordshire from early 2018 onwards to better understand these issues.", "early 2018 onwards", "2018-01-01"},
		{"Agree the date in March with partners", "March", ""},
		{"We may march to the town hall", "", ""},
		{"Achieve SQDs of 1347 in year1 and 26,937 by year 5", "", ""},
	}
	for _, tt := range tests {
		d, ok := FindDue(tt.text, DateContext{})
		if ok != (tt.want != "") || d.Text != tt.want || d.Start != tt.start {
			t.Errorf("FindDue(%q) = %+v %v, want %q starting %q", tt.text, d, ok, tt.want, tt.start)
		}
	}
}

func FuzzParseDue(f *testing.F) {
	for _, tt := range realDues {
		f.Add(tt.text, 2007)
	}
	for _, s := range []string{"Winter 2011", "Q3 2024/25", "31/02/2019", "2009-10 - 2010-11", "between January and", "FY", "Q", "mid-", "29 February", "end of the", "'24", "2005/", "1/1/1"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, year int) {
		ctx := DateContext{Year: year % 3000}
		d := ParseDue(text, ctx)
		checkDue(t, d)
		if fd, ok := FindDue(text, ctx); ok {
			checkDue(t, fd)
			if !strings.Contains(text, fd.Text) {
				t.Errorf("FindDue text %q not in %q", fd.Text, text)
			}
		}
		for _, ad := range FindAllDue(text, ctx) {
			checkDue(t, ad)
		}
	})
}

// checkDue asserts the invariants of every Due: both ends or neither, ISO
// form, start not after end.
func checkDue(t *testing.T, d Due) {
	t.Helper()
	if (d.Start == "") != (d.End == "") {
		t.Errorf("%q: start %q end %q", d.Text, d.Start, d.End)
	}
	if d.Start != "" && (len(d.Start) != 10 || len(d.End) != 10 || d.Start > d.End) {
		t.Errorf("%q: bad interval %q..%q", d.Text, d.Start, d.End)
	}
}

func BenchmarkParseDue(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for _, tt := range realDues {
			ParseDue(tt.text, DateContext{Year: 2007})
		}
	}
}

func BenchmarkFindDue(b *testing.B) {
	s := "Health 'Concordat' to be drawn up by participants in the April 2003 Health Summit by autumn 2003 to capture participants' commitments"
	for i := 0; i < b.N; i++ {
		FindDue(s, DateContext{})
	}
}
