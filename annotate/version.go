package annotate

// Version names the annotator's output: the index tags every article's
// annotations with it and re-annotates, in the background, the articles an
// older version annotated. Change it whenever Article's output changes;
// TestVersionNamesTheOutput fails until you do (it keeps a digest of the
// output on the embedded samples and a case corpus beside the version).
const Version = "2026.12.14"
