//! The report of one respondent, and the part a group report shares with it.

use super::*;

/// A report on one respondent.
pub fn report(report: &Report) -> String {
    let l = report.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        l.pick("Samenwerkingsscan", "Partnership readiness scan"),
        inline(&report.verdict.label)
    );
    body(&mut out, report);
    factor_table(&mut out, report);
    out
}

/// The shared part of single and group reports, from the verdict to the notices.
pub(super) fn body(out: &mut String, r: &Report) {
    let l = r.lang;
    headline(out, r, l);
    reasons(out, r, l);
    phases(out, r, l);
    strengths(out, r, l);
    risks(out, r, l);
    open_factors(out, r, l);
    advice(out, r, l);
    next_step(out, r, l);
    form_fit(out, r, l);
    dimensions(out, r, l);
    signals(out, r, l);
    notices(out, r, l);
}

/// Why: the verdict, the two figures and what they mean.
fn headline(out: &mut String, r: &Report, l: Lang) {
    let _ = writeln!(
        out,
        "**{}: {}.** {}\n",
        l.pick("Oordeel", "Verdict"),
        inline(&r.verdict.label),
        inline(&r.verdict.summary)
    );
    let c = &r.coverage;
    let _ = writeln!(
        out,
        "{} **{}** {} · {} **{}** {} · {}\n",
        l.pick("Kracht", "Strength"),
        whole(r.readiness),
        l.pick("van 100", "out of 100"),
        l.pick("risico", "risk"),
        whole(r.risk),
        l.pick("van 100", "out of 100"),
        {
            let unknown = match (c.unknown, l) {
                (0, _) => String::new(),
                (n, Lang::En) => format!(", ‘don’t know / not applicable’ {n} times"),
                (n, Lang::Nl) => format!(", {n} keer ‘weet ik niet / niet van toepassing’"),
            };
            match l {
                Lang::En => format!(
                    "{} of {} statements answered ({}){unknown}",
                    c.answered,
                    c.statements,
                    percent(c.ratio)
                ),
                Lang::Nl => format!(
                    "{} van {} stellingen beantwoord ({}){unknown}",
                    c.answered,
                    c.statements,
                    percent(c.ratio)
                ),
            }
        }
    );
    let _ = writeln!(
        out,
        "_{}_\n",
        l.pick(
            "Kracht komt uit de bevorderende factoren (hoger is beter), risico uit de belemmerende factoren (hoger is slechter). Scores per factor: 0–100, hoger is gunstiger; bij een belemmering betekent een hoge score dat die nauwelijks speelt.",
            "Strength comes from the enabling factors (higher is better), risk from the hindering factors (higher is worse). Factor scores: 0–100, higher is more favourable; for a hindering factor a high score means it is hardly an issue."
        )
    );
}

/// The reasons for the verdict.
fn reasons(out: &mut String, r: &Report, l: Lang) {
    let _ = writeln!(
        out,
        "## {}\n",
        l.pick("Waarom dit oordeel", "Why this verdict")
    );
    for reason in &r.reasons {
        let _ = writeln!(out, "- {}", inline(&reason.text));
    }
    out.push('\n');
}

/// Strength, risk and answered per phase, and the total.
fn phases(out: &mut String, r: &Report, l: Lang) {
    let _ = writeln!(out, "## {}\n", l.pick("Per fase", "Per phase"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        l.pick("Fase", "Phase"),
        l.pick("Kracht", "Strength"),
        l.pick("Risico", "Risk"),
        l.pick("Beantwoord", "Answered")
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
        l.pick("Totaal", "Total"),
        whole(r.readiness),
        whole(r.risk),
        percent(r.coverage.ratio)
    );
}

/// Factors that score as strong points.
fn strengths(out: &mut String, r: &Report, l: Lang) {
    let _ = writeln!(out, "## {}\n", l.pick("Sterke punten", "Strong points"));
    if r.strengths.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.pick(
                "Nog geen factor scoort als sterk punt.",
                "No factor scores as a strong point yet."
            )
        );
    }
    for s in &r.strengths {
        let note = match polarity_of(r, &s.id) {
            Some(Polarity::Hindering) => l.pick(
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
            l.pick("van 100", "out of 100"),
            note
        );
    }
    if !r.strengths.is_empty() {
        out.push('\n');
    }
}

/// Concerns and points to watch.
fn risks(out: &mut String, r: &Report, l: Lang) {
    let _ = writeln!(out, "## {}\n", l.pick("Risico’s", "Risks"));
    if r.risks.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.pick(
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
}

/// Factors nobody answered anything about.
fn open_factors(out: &mut String, r: &Report, l: Lang) {
    if !r.gaps.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            l.pick("Wat nog open is", "What is still open"),
            l.pick(
                "Over deze factoren is niets beantwoord:",
                "Nothing was answered about these factors:"
            )
        );
        for g in &r.gaps {
            let _ = writeln!(out, "- {}", inline(&g.name));
        }
        out.push('\n');
    }
}

/// Advice by impact, with the source of every step.
fn advice(out: &mut String, r: &Report, l: Lang) {
    let lang = r.lang;
    let _ = writeln!(
        out,
        "## {}\n",
        l.pick(
            "Advies, belangrijkste eerst",
            "Advice, most important first"
        )
    );
    if r.advice.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.pick(
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
            l.pick(", regel dit vóór de start", ", arrange before the start")
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
}

/// The next step of the six-step plan (§7).
fn next_step(out: &mut String, r: &Report, l: Lang) {
    if let Some(next) = &r.next_step {
        let _ = writeln!(
            out,
            "## {}\n\n{}**{} {}: {}.** {}\n\n{}\n",
            l.pick("Volgende stap", "Next step"),
            if next.going_back {
                l.pick("Terug naar een eerdere stap. ", "Back to an earlier step. ")
            } else {
                ""
            },
            l.pick("Stap", "Step"),
            next.number,
            inline(&next.name),
            inline(&next.description),
            inline(&next.reason)
        );
    }
}

/// Whether the intended form fits, with its formal steps.
fn form_fit(out: &mut String, r: &Report, l: Lang) {
    if let Some(fit) = &r.form_fit {
        let _ = writeln!(
            out,
            "## {}\n\n**{}**: {}\n",
            l.pick("Past de gekozen vorm?", "Does the chosen form fit?"),
            inline(&fit.label),
            fit.fit.label(l).to_lowercase()
        );
        for note in &fit.notes {
            let _ = writeln!(out, "- {}", inline(note));
        }
        out.push('\n');
        if !fit.procedure.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                l.pick(
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
}

/// Content, structure and relationship (§6.1).
fn dimensions(out: &mut String, r: &Report, l: Lang) {
    let lang = r.lang;
    let _ = writeln!(
        out,
        "## {}\n",
        l.pick(
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
            l.pick("van 100", "out of 100"),
            band_word(d.band, lang)
        );
    }
    out.push('\n');
}

/// What stands out in the context.
fn signals(out: &mut String, r: &Report, l: Lang) {
    if !r.signals.is_empty() {
        let _ = writeln!(out, "## {}\n", l.pick("Wat opvalt", "What stands out"));
        for s in &r.signals {
            let _ = writeln!(out, "- {}", inline(&s.text));
        }
        out.push('\n');
    }
}

/// Input that was not used, with its JSON path.
fn notices(out: &mut String, r: &Report, l: Lang) {
    if !r.notices.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            l.pick("Niet gebruikte invoer", "Input not used")
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

fn risk_line(out: &mut String, r: &Report, s: &FactorRef, l: Lang) {
    let kind = match polarity_of(r, &s.id) {
        Some(Polarity::Hindering) => l.pick("belemmering", "hindrance"),
        _ => l.pick("bevorderende factor", "enabling factor"),
    };
    let _ = writeln!(
        out,
        "- **{}**: {}, {} {} ({})",
        inline(&s.name),
        band_word(s.band, r.lang),
        whole(s.favourability),
        l.pick("van 100", "out of 100"),
        kind
    );
}

/// Every factor as a table, as an appendix.
fn factor_table(out: &mut String, r: &Report) {
    let l = r.lang;
    let _ = writeln!(
        out,
        "## {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---:|---|",
        l.pick("Bijlage: alle factoren", "Appendix: all factors"),
        l.pick("Factor", "Factor"),
        l.pick("Fase", "Phase"),
        l.pick("Soort", "Type"),
        l.pick("Score", "Score"),
        l.pick("Uitkomst", "Result")
    );
    for f in &r.factors {
        let phase = r
            .phases
            .iter()
            .find(|p| p.id == f.phase)
            .map_or(f.phase.as_str(), |p| p.name.as_str());
        let kind = match f.polarity {
            Polarity::Promoting => l.pick("bevorderend", "enabling"),
            Polarity::Hindering => l.pick("belemmerend", "hindering"),
        };
        let flag = if f.red_flag {
            l.pick(" (mogelijke rode vlag)", " (potential red flag)")
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
            band_word(f.band, r.lang)
        );
    }
    out.push('\n');
}
