//! Markdown for a municipal adviser: the verdict and why, the figures per
//! phase, strengths and risks, advice with its sources, the next step of the
//! six-step plan, the fit of the intended form and the context signals; for
//! groups also who answered, what to discuss and where partners or roles
//! differ. All texts from the report are used as they are (already in the
//! report's language); only headings and connecting words are added here.

use samenwerkingsscan::{
    Band, Comparison, Consensus, Delta, FactorRef, Fit, Gap, GroupReport, Polarity, Report,
    Subgroup,
};
use std::fmt::Write;

/// Dutch or English connecting words, chosen by the report's language.
#[derive(Clone, Copy)]
struct L {
    en: bool,
}

impl L {
    fn of(lang: &str) -> L {
        L {
            en: lang.eq_ignore_ascii_case("en") || lang.to_ascii_lowercase().starts_with("en-"),
        }
    }

    fn t<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        if self.en {
            en
        } else {
            nl
        }
    }
}

/// A 0–100 figure as people read it; "–" when there is none.
fn whole(value: Option<f64>) -> String {
    value.map_or("–".to_string(), |v| format!("{}", v.round() as i64))
}

/// A change with its sign: "+12", "-5", "0".
fn signed(value: Option<f64>) -> String {
    match value.map(|v| v.round() as i64) {
        None => "–".to_string(),
        Some(v) if v > 0 => format!("+{v}"),
        Some(v) => format!("{v}"),
    }
}

fn percent(ratio: f64) -> String {
    format!("{}%", (ratio * 100.0).round() as i64)
}

/// Text for a table cell: no line breaks, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Text for running Markdown: characters that would start formatting escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

fn band_word(band: Option<Band>, lang: &str) -> String {
    band.map_or_else(
        || L::of(lang).t("niet beantwoord", "not answered").to_string(),
        |b| b.label(lang).to_lowercase(),
    )
}

fn fit_word(fit: Fit, l: L) -> &'static str {
    match fit {
        Fit::Good => l.t("past", "fits"),
        Fit::Caution => l.t("let op", "caution"),
        Fit::Poor => l.t("past slecht", "poor fit"),
    }
}

fn consensus_word(consensus: Option<Consensus>, l: L) -> &'static str {
    match consensus {
        Some(Consensus::High) => l.t("veel overeenstemming", "high agreement"),
        Some(Consensus::Medium) => l.t("redelijke overeenstemming", "some agreement"),
        Some(Consensus::Low) => l.t("weinig overeenstemming", "little agreement"),
        None => "–",
    }
}

fn polarity_of(report: &Report, id: &str) -> Option<Polarity> {
    report
        .factors
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.polarity)
}

/// A report on one respondent.
pub fn report(report: &Report) -> String {
    let l = L::of(&report.lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        l.t("Samenwerkingsscan", "Partnership readiness scan"),
        inline(&report.verdict.label)
    );
    body(&mut out, report);
    factor_table(&mut out, report);
    out
}

/// The shared part of single and group reports, from the verdict to the notices.
fn body(out: &mut String, r: &Report) {
    let l = L::of(&r.lang);
    let lang = r.lang.as_str();
    let _ = writeln!(
        out,
        "**{}: {}.** {}\n",
        l.t("Oordeel", "Verdict"),
        inline(&r.verdict.label),
        inline(&r.verdict.summary)
    );
    let c = &r.coverage;
    let _ = writeln!(
        out,
        "{} **{}** {} · {} **{}** {} · {}\n",
        l.t("Kracht", "Strength"),
        whole(r.readiness),
        l.t("van 100", "out of 100"),
        l.t("risico", "risk"),
        whole(r.risk),
        l.t("van 100", "out of 100"),
        {
            let unknown = match (c.unknown, l.en) {
                (0, _) => String::new(),
                (n, true) => format!(", ‘don’t know / not applicable’ {n} times"),
                (n, false) => format!(", {n} keer ‘weet ik niet / niet van toepassing’"),
            };
            if l.en {
                format!(
                    "{} of {} statements answered ({}){unknown}",
                    c.answered,
                    c.statements,
                    percent(c.ratio)
                )
            } else {
                format!(
                    "{} van {} stellingen beantwoord ({}){unknown}",
                    c.answered,
                    c.statements,
                    percent(c.ratio)
                )
            }
        }
    );
    let _ = writeln!(
        out,
        "_{}_\n",
        l.t(
            "Kracht komt uit de bevorderende factoren (hoger is beter), risico uit de belemmerende factoren (hoger is slechter). Scores per factor: 0–100, hoger is gunstiger; bij een belemmering betekent een hoge score dat die nauwelijks speelt.",
            "Strength comes from the enabling factors (higher is better), risk from the hindering factors (higher is worse). Factor scores: 0–100, higher is more favourable; for a hindering factor a high score means it is hardly an issue."
        )
    );

    let _ = writeln!(
        out,
        "## {}\n",
        l.t("Waarom dit oordeel", "Why this verdict")
    );
    for reason in &r.reasons {
        let _ = writeln!(out, "- {}", inline(&reason.text));
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", l.t("Per fase", "Per phase"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        l.t("Fase", "Phase"),
        l.t("Kracht", "Strength"),
        l.t("Risico", "Risk"),
        l.t("Beantwoord", "Answered")
    );
    for phase in &r.phases {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&phase.name),
            whole(phase.readiness),
            whole(phase.risk),
            percent(phase.coverage.ratio)
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** | **{}** | **{}** |\n",
        l.t("Totaal", "Total"),
        whole(r.readiness),
        whole(r.risk),
        percent(r.coverage.ratio)
    );

    let _ = writeln!(out, "## {}\n", l.t("Sterke punten", "Strong points"));
    if r.strengths.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.t(
                "Nog geen factor scoort als sterk punt.",
                "No factor scores as a strong point yet."
            )
        );
    }
    for s in &r.strengths {
        let note = match polarity_of(r, &s.id) {
            Some(Polarity::Hindering) => l.t(
                ": deze belemmering speelt nauwelijks",
                ": this hindering factor is hardly an issue",
            ),
            _ => "",
        };
        let _ = writeln!(
            out,
            "- **{}** ({} {}){}",
            inline(&s.name),
            whole(s.favourability),
            l.t("van 100", "out of 100"),
            note
        );
    }
    if !r.strengths.is_empty() {
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", l.t("Risico’s", "Risks"));
    if r.risks.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.t(
                "Geen zorg- of aandachtspunten.",
                "No concerns or points to watch."
            )
        );
    }
    for s in &r.risks {
        risk_line(out, r, s, l);
    }
    if !r.risks.is_empty() {
        out.push('\n');
    }

    if !r.gaps.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            l.t("Wat nog open is", "What is still open"),
            l.t(
                "Over deze factoren is niets beantwoord:",
                "Nothing was answered about these factors:"
            )
        );
        for g in &r.gaps {
            let _ = writeln!(out, "- {}", inline(&g.name));
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "## {}\n",
        l.t(
            "Advies, belangrijkste eerst",
            "Advice, most important first"
        )
    );
    if r.advice.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.t(
                "Geen factor vraagt om extra aandacht. Leg nu een nulmeting vast.",
                "No factor needs extra attention. Record a baseline now."
            )
        );
    }
    for (i, item) in r.advice.iter().enumerate() {
        let marker = format!("{}. ", i + 1);
        // Sub-items are indented to the item's text, so they stay inside it.
        let indent = " ".repeat(marker.len());
        let ahead = if item.before_start {
            l.t(", regel dit vóór de start", ", arrange before the start")
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{marker}**{}** ({}{ahead})",
            inline(&item.factor_name),
            band_word(Some(item.band), lang)
        );
        for step in &item.steps {
            if step.source.is_empty() {
                let _ = writeln!(out, "{indent}- {}", inline(&step.text));
            } else {
                let _ = writeln!(
                    out,
                    "{indent}- {} _({})_",
                    inline(&step.text),
                    inline(&step.source)
                );
            }
        }
    }
    if !r.advice.is_empty() {
        out.push('\n');
    }

    if let Some(next) = &r.next_step {
        let _ = writeln!(
            out,
            "## {}\n\n{}**{} {}: {}.** {}\n\n{}\n",
            l.t("Volgende stap", "Next step"),
            if next.going_back {
                l.t("Terug naar een eerdere stap. ", "Back to an earlier step. ")
            } else {
                ""
            },
            l.t("Stap", "Step"),
            next.number,
            inline(&next.name),
            inline(&next.description),
            inline(&next.reason)
        );
    }

    if let Some(fit) = &r.form_fit {
        let _ = writeln!(
            out,
            "## {}\n\n**{}**: {}\n",
            l.t("Past de gekozen vorm?", "Does the chosen form fit?"),
            inline(&fit.label),
            fit_word(fit.fit, l)
        );
        for note in &fit.notes {
            let _ = writeln!(out, "- {}", inline(note));
        }
        out.push('\n');
        if !fit.procedure.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                l.t(
                    "Formele stappen voor deze vorm:",
                    "Formal steps for this form:"
                )
            );
            for step in &fit.procedure {
                let _ = writeln!(out, "- {}", inline(step));
            }
            out.push('\n');
        }
    }

    let _ = writeln!(
        out,
        "## {}\n",
        l.t(
            "Inhoud, structuur en relatie (§6.1)",
            "Content, structure and relationship (§6.1)"
        )
    );
    for d in &r.dimensions {
        let _ = writeln!(
            out,
            "- **{}**: {} {}, {}",
            inline(&d.name),
            whole(d.favourability),
            l.t("van 100", "out of 100"),
            band_word(d.band, lang)
        );
    }
    out.push('\n');

    if !r.signals.is_empty() {
        let _ = writeln!(out, "## {}\n", l.t("Wat opvalt", "What stands out"));
        for s in &r.signals {
            let _ = writeln!(out, "- {}", inline(&s.text));
        }
        out.push('\n');
    }

    if !r.notices.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            l.t("Niet gebruikte invoer", "Input not used")
        );
        for n in &r.notices {
            let _ = writeln!(
                out,
                "- `{}`: {}",
                n.path.replace('`', "'"),
                inline(&n.message)
            );
        }
        out.push('\n');
    }
}

fn risk_line(out: &mut String, r: &Report, s: &FactorRef, l: L) {
    let kind = match polarity_of(r, &s.id) {
        Some(Polarity::Hindering) => l.t("belemmering", "hindrance"),
        _ => l.t("bevorderende factor", "enabling factor"),
    };
    let _ = writeln!(
        out,
        "- **{}**: {}, {} {} ({})",
        inline(&s.name),
        band_word(s.band, &r.lang),
        whole(s.favourability),
        l.t("van 100", "out of 100"),
        kind
    );
}

/// Every factor as a table, as an appendix.
fn factor_table(out: &mut String, r: &Report) {
    let l = L::of(&r.lang);
    let _ = writeln!(
        out,
        "## {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---:|---|",
        l.t("Bijlage: alle factoren", "Appendix: all factors"),
        l.t("Factor", "Factor"),
        l.t("Fase", "Phase"),
        l.t("Soort", "Type"),
        l.t("Score", "Score"),
        l.t("Uitkomst", "Result")
    );
    for f in &r.factors {
        let phase = r
            .phases
            .iter()
            .find(|p| p.id == f.phase)
            .map_or(f.phase.as_str(), |p| p.name.as_str());
        let kind = match f.polarity {
            Polarity::Promoting => l.t("bevorderend", "enabling"),
            Polarity::Hindering => l.t("belemmerend", "hindering"),
        };
        let flag = if f.red_flag {
            l.t(" (mogelijke rode vlag)", " (potential red flag)")
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {}{} | {} | {} | {} | {} |",
            cell(&f.name),
            flag,
            cell(phase),
            kind,
            whole(f.favourability),
            band_word(f.band, &r.lang)
        );
    }
    out.push('\n');
}

/// A group report: the pooled report plus who answered, what to discuss and
/// where municipalities or roles differ. Figures below the anonymity
/// minimum are not shown.
pub fn group(g: &GroupReport) -> String {
    let r = &g.report;
    let l = L::of(&r.lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        l.t(
            "Samenwerkingsscan, groep",
            "Partnership readiness scan, group"
        ),
        inline(&r.verdict.label)
    );
    let _ = writeln!(
        out,
        "{}\n",
        if l.en {
            format!(
                "{} respondents. For anonymity, spread and subgroups are only shown from {} respondents upwards.",
                g.respondents, g.min_group_size
            )
        } else {
            format!(
                "{} respondenten. Spreiding en deelgroepen worden getoond vanaf {} respondenten (anonimiteit).",
                g.respondents, g.min_group_size
            )
        }
    );
    body(&mut out, r);

    let _ = writeln!(out, "## {}\n", l.t("Wie deden mee", "Who took part"));
    subgroup_table(
        &mut out,
        l.t("Gemeente", "Municipality"),
        &g.municipalities,
        g,
        l,
    );
    subgroup_table(&mut out, l.t("Rol", "Role"), &g.roles, g, l);
    for note in &g.disclosure {
        let _ = writeln!(out, "{}\n", inline(note));
    }
    if g.municipalities.is_empty() && g.roles.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.t(
                "De respondenten hebben geen gemeente of rol opgegeven.",
                "The respondents gave no municipality or role."
            )
        );
    }

    let _ = writeln!(
        out,
        "## {}\n",
        l.t("Gespreksonderwerpen", "Discussion points")
    );
    if g.discussion_points.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.t(
                "Geen factor waarover de meningen sterk uiteenlopen.",
                "No factor on which opinions differ strongly."
            )
        );
    } else {
        let _ = writeln!(
            out,
            "{}\n",
            l.t(
                "Over deze factoren lopen de meningen sterk uiteen. Bespreek ze samen voordat u verder gaat.",
                "Opinions differ strongly on these factors. Discuss them together before going further."
            )
        );
        for id in &g.discussion_points {
            if let Some(f) = g.factors.iter().find(|f| &f.id == id) {
                let _ = writeln!(
                    out,
                    "- **{}**: {} {}, {} {} {} {} ({})",
                    inline(&f.name),
                    l.t("gemiddeld", "mean"),
                    whole(f.mean),
                    l.t("van", "from"),
                    whole(f.min),
                    l.t("tot", "to"),
                    whole(f.max),
                    consensus_word(f.consensus, l)
                );
            }
        }
        out.push('\n');
    }

    gap_section(
        &mut out,
        l.t(
            "Verschillen tussen gemeenten",
            "Differences between municipalities",
        ),
        &g.municipality_gaps,
        l,
    );
    gap_section(
        &mut out,
        l.t("Verschillen tussen rollen", "Differences between roles"),
        &g.role_gaps,
        l,
    );

    let _ = writeln!(
        out,
        "## {}\n\n| {} | n | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---|---:|",
        l.t(
            "Bijlage: alle factoren in de groep",
            "Appendix: all factors in the group"
        ),
        l.t("Factor", "Factor"),
        l.t("Gemiddeld", "Mean"),
        l.t("Spreiding", "Spread"),
        l.t("Min–max", "Min–max"),
        l.t("Overeenstemming", "Agreement"),
        l.t(
            "Weet ik niet / niet van toepassing",
            "Don’t know / not applicable"
        )
    );
    for f in &g.factors {
        let range = if f.min.is_some() {
            format!("{}–{}", whole(f.min), whole(f.max))
        } else {
            "–".to_string()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&f.name),
            f.n,
            whole(f.mean),
            whole(f.std_dev),
            range,
            consensus_word(f.consensus, l),
            f.unknown
        );
    }
    out.push('\n');
    out
}

fn subgroup_table(out: &mut String, title: &str, groups: &[Subgroup], g: &GroupReport, l: L) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        title,
        l.t("Aantal", "Number"),
        l.t("Kracht", "Strength"),
        l.t("Risico", "Risk")
    );
    for s in groups {
        if s.in_other {
            let _ = writeln!(
                out,
                "| {} | {} | {} | |",
                cell(&s.label),
                s.n,
                l.t("in de samengevoegde rij", "in the merged row")
            );
        } else if s.shown {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&s.label),
                s.n,
                whole(s.readiness),
                whole(s.risk)
            );
        } else {
            let hidden = if l.en {
                format!("not shown (fewer than {})", g.min_group_size)
            } else {
                format!("niet getoond (minder dan {})", g.min_group_size)
            };
            let _ = writeln!(out, "| {} | {} | {hidden} | |", cell(&s.label), s.n);
        }
    }
    out.push('\n');
}

fn gap_section(out: &mut String, title: &str, gaps: &[Gap], l: L) {
    if gaps.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {title}\n");
    for gap in gaps {
        let parts: Vec<String> = gap
            .groups
            .iter()
            .map(|m| format!("{} {} (n={})", inline(&m.label), whole(Some(m.mean)), m.n))
            .collect();
        let flag = if gap.red_flag {
            l.t(" (mogelijke rode vlag)", " (potential red flag)")
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- **{}**{}: {} {} {}: {}",
            inline(&gap.factor_name),
            flag,
            l.t("verschil", "difference of"),
            whole(Some(gap.gap)),
            l.t("punten", "points"),
            parts.join(", ")
        );
    }
    out.push('\n');
}

/// A baseline against a later measurement.
pub fn comparison(c: &Comparison, lang: &str) -> String {
    let l = L::of(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        l.t(
            "Samenwerkingsscan: nulmeting en nieuwe meting",
            "Partnership readiness scan: baseline and new measurement"
        )
    );
    let before = c.baseline_verdict.label(lang);
    let after = c.current_verdict.label(lang);
    if c.baseline_verdict == c.current_verdict {
        let _ = writeln!(
            out,
            "**{}: {}** ({}).\n",
            l.t("Oordeel", "Verdict"),
            after,
            l.t("gelijk aan de nulmeting", "the same as the baseline")
        );
    } else {
        let _ = writeln!(
            out,
            "**{}: {}** ({}: {}).\n",
            l.t("Oordeel", "Verdict"),
            after,
            l.t("bij de nulmeting", "at the baseline"),
            before
        );
    }
    for note in &c.notes {
        let _ = writeln!(out, "> {}\n", inline(note));
    }
    let _ = writeln!(
        out,
        "| | {} | {} | {} |\n|---|---:|---:|---:|",
        l.t("Nulmeting", "Baseline"),
        l.t("Nu", "Now"),
        l.t("Verschil", "Change")
    );
    let row = |out: &mut String, name: &str, d: &Delta| {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            name,
            whole(d.before),
            whole(d.after),
            signed(d.change)
        );
    };
    row(&mut out, l.t("**Kracht**", "**Strength**"), &c.readiness);
    row(&mut out, l.t("**Risico**", "**Risk**"), &c.risk);
    for p in &c.phases {
        row(
            &mut out,
            &format!("{}: {}", cell(&p.name), l.t("kracht", "strength")),
            &p.readiness,
        );
        row(
            &mut out,
            &format!("{}: {}", cell(&p.name), l.t("risico", "risk")),
            &p.risk,
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "_{}_\n",
        l.t(
            "Bij risico is een daling een verbetering. Factoren tellen als verbeterd of verslechterd vanaf 10 punten verschil.",
            "For risk, a decrease is an improvement. A factor counts as improved or worsened if it changes by 10 points or more."
        )
    );
    for (title, list, empty) in [
        (
            l.t("Verbeterd", "Improved"),
            &c.improved,
            l.t(
                "Geen factor is duidelijk verbeterd.",
                "No factor clearly improved.",
            ),
        ),
        (
            l.t("Verslechterd", "Worsened"),
            &c.worsened,
            l.t(
                "Geen factor is duidelijk verslechterd.",
                "No factor clearly worsened.",
            ),
        ),
    ] {
        let _ = writeln!(out, "## {title}\n");
        if list.is_empty() {
            let _ = writeln!(out, "{empty}\n");
            continue;
        }
        for f in list {
            let _ = writeln!(
                out,
                "- **{}**: {} → {} ({})",
                inline(&f.name),
                whole(f.favourability.before),
                whole(f.favourability.after),
                signed(f.favourability.change)
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenwerkingsscan::{
        aggregate, compare, evaluate, Answers, GroupOptions, Instrument, Response, Role,
    };

    fn answers(promoting: u8, hindering: u8) -> Answers {
        let instrument = Instrument::builtin();
        let mut answers = Answers::new(instrument);
        for (factor, statement) in instrument.statements() {
            let v = match factor.polarity {
                Polarity::Promoting => promoting,
                Polarity::Hindering => hindering,
            };
            answers
                .responses
                .insert(statement.id.clone(), Response::Scale(v));
        }
        answers
    }

    fn set_factor(answers: &mut Answers, id: &str, value: u8) {
        let factor = Instrument::builtin().factor(id).unwrap();
        for s in &factor.statements {
            answers
                .responses
                .insert(s.id.clone(), Response::Scale(value));
        }
    }

    #[test]
    fn a_report_has_every_section_in_order() {
        let mut a = answers(4, 2);
        set_factor(&mut a, "werkdruk", 5);
        a.context.stage = Some("preparing".into());
        a.context.form = Some("volledige-ambtelijke-fusie".into());
        a.context.urgency = Some("not-needed".into());
        let report = evaluate(Instrument::builtin(), &a, "nl");
        let md = super::report(&report);
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(
            headings,
            [
                "# Samenwerkingsscan: Kansrijk, met aandachtspunten",
                "## Waarom dit oordeel",
                "## Per fase",
                "## Sterke punten",
                "## Risico’s",
                "## Advies, belangrijkste eerst",
                "## Volgende stap",
                "## Past de gekozen vorm?",
                "## Inhoud, structuur en relatie (§6.1)",
                "## Wat opvalt",
                "## Bijlage: alle factoren",
            ]
        );
        assert!(md.contains("**Oordeel: Kansrijk, met aandachtspunten.**"));
        assert!(md.contains("- **Werkdruk**: zorgpunt, 0 van 100 (belemmering)"));
        assert!(md.contains("**Werkdruk** (zorgpunt, regel dit vóór de start)"));
        assert!(md.contains("**Volledige ambtelijke fusie**: "));
        assert!(md.contains("Formele stappen voor deze vorm:"));
        // One row per phase plus the total.
        let section = md.split("## Per fase").nth(1).unwrap();
        let phase_rows = section
            .split("\n## ")
            .next()
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Fase"))
            .count();
        assert_eq!(phase_rows, Instrument::builtin().phases.len() + 1);
        // Advice is numbered, with the source of each step.
        assert!(md.contains("1. **Werkdruk** (zorgpunt, regel dit vóór de start)\n   - "));
        assert!(md.contains("_(§"));
        // Every factor in the appendix.
        let appendix = md.split("## Bijlage: alle factoren").nth(1).unwrap();
        assert_eq!(
            appendix.lines().filter(|l| l.starts_with("| ")).count(),
            Instrument::builtin().factors.len() + 1
        );
    }

    #[test]
    fn hindrances_among_the_strengths_are_explained() {
        let report = evaluate(Instrument::builtin(), &answers(5, 1), "nl");
        let md = super::report(&report);
        let strengths = md
            .split("## Sterke punten")
            .nth(1)
            .unwrap()
            .split("## ")
            .next()
            .unwrap();
        for s in &report.strengths {
            let polarity = report
                .factors
                .iter()
                .find(|f| f.id == s.id)
                .unwrap()
                .polarity;
            let line = strengths
                .lines()
                .find(|l| l.contains(&format!("**{}**", s.name)))
                .unwrap();
            assert_eq!(
                line.contains("deze belemmering speelt nauwelijks"),
                polarity == Polarity::Hindering,
                "{line}"
            );
        }
        assert!(md.contains("Geen zorg- of aandachtspunten."));
        assert!(md.contains("Geen factor vraagt om extra aandacht."));
    }

    #[test]
    fn english_reports_use_english_words() {
        let report = evaluate(
            Instrument::builtin(),
            &Answers::new(Instrument::builtin()),
            "en",
        );
        let md = super::report(&report);
        assert!(md.starts_with("# Partnership readiness scan: Insufficient information"));
        assert!(md.contains("## Why this verdict"));
        assert!(md.contains("## What is still open"));
        assert!(md.contains("| Phase | Strength | Risk | Answered |"));
        assert!(md.contains("| **Total** | **–** | **–** | **0%** |"));
        assert!(!md.contains("Kracht"));
    }

    #[test]
    fn group_reports_hide_small_subgroups_and_show_gaps() {
        let mut respondents = Vec::new();
        for (municipality, trust) in [("Druten", 1), ("Wijchen", 5)] {
            for role in [Role::Raadslid, Role::Ambtenaar, Role::Ambtenaar] {
                let mut a = answers(4, 2);
                set_factor(&mut a, "onderling-vertrouwen-en-chemie", trust);
                a.respondent.municipality = Some(municipality.into());
                a.respondent.role = Some(role);
                respondents.push(a);
            }
        }
        let g = aggregate(
            Instrument::builtin(),
            &respondents,
            &GroupOptions::default(),
            "nl",
        );
        let md = super::group(&g);
        assert!(md.starts_with("# Samenwerkingsscan, groep: "));
        assert!(md.contains("6 respondenten. Spreiding en deelgroepen worden getoond vanaf 3"));
        assert!(md.contains("| Druten | 3 |"));
        assert!(md.contains("| Ambtenaar | 4 | in de samengevoegde rij | |"));
        // Two council members would follow from the total minus the civil
        // servants: both are shown only together.
        assert!(md.contains("| Raadslid | 2 | in de samengevoegde rij | |"));
        assert!(
            md.contains("| Ambtenaren en raadsleden samen | 6 |"),
            "{md}"
        );
        assert!(md.contains("Er deden minder dan 3 raadsleden mee."));
        assert!(md.contains("## Verschillen tussen gemeenten"));
        assert!(md.contains(
            "- **Onderling vertrouwen en chemie** (mogelijke rode vlag): verschil 100 punten: Druten 0 (n=3), Wijchen 100 (n=3)"
        ));
        assert!(!md.contains("## Verschillen tussen rollen"));
        assert!(md.contains("## Gespreksonderwerpen"));
        assert!(md.contains("- **Onderling vertrouwen en chemie**: gemiddeld 50, van 0 tot 100 (weinig overeenstemming)"));
        assert!(md.contains("## Bijlage: alle factoren in de groep"));
    }

    #[test]
    fn comparisons_show_signed_changes() {
        let instrument = Instrument::builtin();
        let before = evaluate(instrument, &answers(3, 3), "nl");
        let mut later = answers(3, 3);
        set_factor(&mut later, "werkdruk", 1);
        set_factor(&mut later, "visievorming", 1);
        let after = evaluate(instrument, &later, "nl");
        let md = super::comparison(&compare(&before, &after), "nl");
        assert!(md.starts_with("# Samenwerkingsscan: nulmeting en nieuwe meting"));
        assert!(md.contains("- **Werkdruk**: 50 → 100 (+50)"));
        assert!(md.contains("- **Visievorming**: 50 → 0 (-50)"));
        assert!(md.contains("| **Kracht** | 50 |"));
        let same = super::comparison(&compare(&before, &before), "en");
        assert!(same.contains("(the same as the baseline)"));
        assert!(same.contains("No factor clearly improved."));
    }

    #[test]
    fn text_is_escaped_for_markdown() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(inline("*vet* en _schuin_"), "\\*vet\\* en \\_schuin\\_");
        assert_eq!(whole(Some(49.5)), "50");
        assert_eq!(whole(None), "–");
        assert_eq!(signed(Some(-0.2)), "0");
        assert_eq!(signed(Some(12.4)), "+12");
    }
}
