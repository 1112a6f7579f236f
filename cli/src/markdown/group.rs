//! The group report: who took part, what to discuss, where partners and roles differ.

use super::report::body;
use super::*;

/// A group report: the pooled report plus who answered, what to discuss and
/// where municipalities or roles differ. Figures below the anonymity
/// minimum are not shown.
pub fn group(g: &GroupReport) -> String {
    let r = &g.report;
    let l = r.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        l.pick(
            "Samenwerkingsscan, groep",
            "Partnership readiness scan, group"
        ),
        inline(&r.verdict.label)
    );
    let _ = writeln!(
        out,
        "{}\n",
        match l {
            Lang::En => format!(
                    "{} respondents. For anonymity, spread and subgroups are only shown from {} respondents upwards.",
                    g.respondents, g.min_group_size
                ),
            Lang::Nl => format!(
                    "{} respondenten. Spreiding en deelgroepen worden getoond vanaf {} respondenten (anonimiteit).",
                    g.respondents, g.min_group_size
                ),
        }
    );
    body(&mut out, r);

    let _ = writeln!(out, "## {}\n", l.pick("Wie deden mee", "Who took part"));
    subgroup_table(
        &mut out,
        l.pick("Gemeente", "Municipality"),
        &g.municipalities,
        g,
        l,
    );
    subgroup_table(&mut out, l.pick("Rol", "Role"), &g.roles, g, l);
    for note in &g.disclosure {
        let _ = writeln!(out, "{}\n", inline(note));
    }
    if g.municipalities.is_empty() && g.roles.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.pick(
                "De respondenten hebben geen gemeente of rol opgegeven.",
                "The respondents gave no municipality or role."
            )
        );
    }

    let _ = writeln!(
        out,
        "## {}\n",
        l.pick("Gespreksonderwerpen", "Discussion points")
    );
    if g.discussion_points.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            l.pick(
                "Geen factor waarover de meningen sterk uiteenlopen.",
                "No factor on which opinions differ strongly."
            )
        );
    } else {
        let _ = writeln!(
            out,
            "{}\n",
            l.pick(
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
                    l.pick("gemiddeld", "mean"),
                    whole(f.mean),
                    l.pick("van", "from"),
                    whole(f.min),
                    l.pick("tot", "to"),
                    whole(f.max),
                    consensus_word(f.consensus, l)
                );
            }
        }
        out.push('\n');
    }

    gap_section(
        &mut out,
        l.pick(
            "Verschillen tussen gemeenten",
            "Differences between municipalities",
        ),
        &g.municipality_gaps,
        l,
    );
    gap_section(
        &mut out,
        l.pick("Verschillen tussen rollen", "Differences between roles"),
        &g.role_gaps,
        l,
    );

    let _ = writeln!(
        out,
        "## {}\n\n| {} | n | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---|---:|",
        l.pick(
            "Bijlage: alle factoren in de groep",
            "Appendix: all factors in the group"
        ),
        l.pick("Factor", "Factor"),
        l.pick("Gemiddeld", "Mean"),
        l.pick("Spreiding", "Spread"),
        l.pick("Min–max", "Min–max"),
        l.pick("Eensgezindheid", "Consensus"),
        l.pick(
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
            f.consensus.map_or("–", |c| c.label(l)),
            f.unknown
        );
    }
    out.push('\n');
    out
}

fn subgroup_table(out: &mut String, title: &str, groups: &[Subgroup], g: &GroupReport, l: Lang) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        title,
        l.pick("Aantal", "Number"),
        l.pick("Kracht", "Strength"),
        l.pick("Risico", "Risk")
    );
    for s in groups {
        if s.in_other {
            let _ = writeln!(
                out,
                "| {} | {} | {} | |",
                cell(&s.label),
                s.n,
                l.pick("in de samengevoegde rij", "in the merged row")
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
            let hidden = match l {
                Lang::En => {
                    format!("not shown (fewer than {})", g.min_group_size)
                }
                Lang::Nl => {
                    format!("niet getoond (minder dan {})", g.min_group_size)
                }
            };
            let _ = writeln!(out, "| {} | {} | {hidden} | |", cell(&s.label), s.n);
        }
    }
    out.push('\n');
}

fn gap_section(out: &mut String, title: &str, gaps: &[Gap], l: Lang) {
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
            l.pick(" (mogelijke rode vlag)", " (potential red flag)")
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- **{}**{}: {} {} {}: {}",
            inline(&gap.factor_name),
            flag,
            l.pick("verschil", "difference of"),
            gap.shown(),
            l.pick("punten", "points"),
            parts.join(", ")
        );
    }
    out.push('\n');
}
