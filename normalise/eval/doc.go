// Package eval scores predicted actions (planmap's JSON Lines) against
// hand-made gold annotations (the format of ../shared/corpus/gold, see its
// README), one input file at a time.
//
// # Grouping
//
// Predictions are grouped by source.file. Each file is scored against the
// gold document named by its "document" field, so a document published in
// two formats (the South East report as DOCX and as PDF) is scored once per
// file, each time against the same gold. A gold document for which no file
// was read gets a row of its own ("(no file)") so that a file that failed or
// gave no actions still costs recall. Files whose document has no gold are
// listed as unscored and left out of every figure. Files inside the gold
// folder (a run over ../shared/corpus reads its gold/*.jsonl too) are the
// annotations themselves and are ignored.
//
// # Scope
//
// A gold folder may hold scope.json, {"<document>": {"pages": [first,
// last]}}, for documents annotated over a page range only (physical 1-based
// pages, inclusive; ../shared/corpus-real annotates three documents so).
// For such a document only the predictions whose source.page lies in the
// range are scored; the others, and any without a page, are dropped before
// matching: neither matched nor charged as false positives. Print names
// each scoped row and how many predictions it dropped. Documents not listed
// count on every page.
//
// # Words and overlap
//
// The words of a text are its maximal runs of Unicode letters and digits,
// lower-cased; the word set drops repeats. Two texts overlap by
// |A∩B| / max(|A|,|B|) over their word sets (0 when both are empty).
//
// # Action matching
//
// Within one file, every (gold, predicted) pair whose overlap is at least
// 0.6 is a candidate. A gold record's overlap is the larger of its action
// text's and its alt_action's (the other printed wording of the same action).
// Candidates are taken greedily by descending overlap (ties: earlier gold
// record, then earlier prediction); a pair is kept when neither side is
// already matched. This gives a one-to-one matching.
//
// Action precision = matched / predicted, recall = matched / gold, and
// F1 = 2·matched / (gold + predicted).
//
// # Figures over matched actions
//
//   - Lead F1. Each lead name is reduced to a key: its letters and digits,
//     lower-cased, with "&" read as "and" (so "GO-East" = "go east."), then
//     looked up among the canonical names and aliases of the gold
//     organisations.json; a hit gives the organisation's
//     canonical key, a miss keeps the normalised text. A predicted lead that
//     misses but whose lead_orgs entry (the canonical name planmap resolved)
//     hits uses that organisation. Per matched pair, the gold and predicted
//     key sets give true positives |G∩P|, false positives |P∖G| and false
//     negatives |G∖P|; these are summed over pairs and F1 = 2TP/(2TP+FP+FN).
//   - Objective accuracy: the share of matched pairs whose objective codes
//     are equal after upper-casing and removing spaces and trailing
//     punctuation ("so 1:" = "SO1"). The gold already writes "S07" as SO7, so
//     a prediction of "S07" is wrong.
//   - Milestone F1. Within each matched pair, milestones are matched one to
//     one by the same overlap rule (≥ 0.6, greedy). TP = matched milestones,
//     FP = unmatched predicted ones, FN = unmatched gold ones, summed over
//     pairs; F1 = 2TP/(2TP+FP+FN).
//   - Due-date accuracy counts two kinds of due. First the action's own:
//     each matched action whose gold due (the action-level timescale as
//     printed: "by March 2013", "ongoing", "1-2 years") is not empty counts
//     once. When that text names a month (the rule below) it is right if
//     the predicted action's due.start falls in that year and month;
//     otherwise it is right if the two texts, reduced to their lower-case
//     letters and digits, are non-empty and one contains the other
//     ("Ongoing" = "ongoing", "Dec ’24" = "Dec '24").
//     Then the milestones: the gold milestones (of matched actions) whose due
//     text names a season, a month or a financial year with its year are
//     "dated"; the expected month is taken from the first such expression in
//     the text: a season from its first month (Spring → March, Summer → June,
//     Autumn → September, Winter → December of the year printed), a month as
//     printed, a financial year ("2005/06", "2002 - 2003 financial year") from
//     April of its first year. A dated gold milestone counts as right when it
//     was matched and its predicted milestone's due.start (YYYY-MM-DD) is in
//     the same year and month. A bare year ("2003"), "early 2003",
//     "Ongoing" and the like are not dated and are not scored as milestone
//     dues (nor is a two-digit year, "Dec 24": as an action due it is
//     compared as text). Accuracy = right / (action dues + dated
//     milestones).
//
// A figure whose denominator is zero (nothing to find and nothing found) is
// undefined and printed as "-".
//
// # Overall
//
// The overall row is a micro-average: the counts behind every figure (gold,
// predicted and matched actions; lead and milestone TP/FP/FN; objective and
// due right/total) are summed over all scored file rows, and the figures are
// computed once from those sums. A document scored in two formats therefore
// counts twice.
package eval
