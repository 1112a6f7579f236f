//! A baseline compared with a later measurement.

use super::*;

/// A baseline against a later measurement.
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    let l = lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        l.pick(
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
            l.pick("Oordeel", "Verdict"),
            after,
            l.pick("gelijk aan de nulmeting", "the same as the baseline")
        );
    } else {
        let _ = writeln!(
            out,
            "**{}: {}** ({}: {}).\n",
            l.pick("Oordeel", "Verdict"),
            after,
            l.pick("bij de nulmeting", "at the baseline"),
            before
        );
    }
    for note in &c.notes {
        let _ = writeln!(out, "> {}\n", inline(note));
    }
    let _ = writeln!(
        out,
        "| | {} | {} | {} |\n|---|---:|---:|---:|",
        l.pick("Nulmeting", "Baseline"),
        l.pick("Nu", "Now"),
        l.pick("Verschil", "Change")
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
    row(&mut out, l.pick("**Kracht**", "**Strength**"), &c.readiness);
    row(&mut out, l.pick("**Risico**", "**Risk**"), &c.risk);
    for p in &c.phases {
        row(
            &mut out,
            &format!("{}: {}", cell(&p.name), l.pick("kracht", "strength")),
            &p.readiness,
        );
        row(
            &mut out,
            &format!("{}: {}", cell(&p.name), l.pick("risico", "risk")),
            &p.risk,
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "_{}_\n",
        l.pick(
            "Bij risico is een daling een verbetering. Factoren tellen als verbeterd of verslechterd vanaf 10 punten verschil.",
            "For risk, a decrease is an improvement. A factor counts as improved or worsened if it changes by 10 points or more."
        )
    );
    for (title, list, empty) in [
        (
            l.pick("Verbeterd", "Improved"),
            &c.improved,
            l.pick(
                "Geen factor is duidelijk verbeterd.",
                "No factor clearly improved.",
            ),
        ),
        (
            l.pick("Verslechterd", "Worsened"),
            &c.worsened,
            l.pick(
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
