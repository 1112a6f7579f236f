//! The stage of the partnership (context question "In welke fase is de
//! samenwerking?") and how it changes the reading of the answers.
//!
//! A readiness scan asks a different question at each stage (§8: the six
//! steps). Before the start, the third phase of tables 2 and 3 ("Indien de
//! samenwerking staat") can only be answered looking ahead; once the
//! partnership runs, "ready to start" is the wrong question and the verdict
//! says how it runs instead.

use crate::text::Lang;

/// The three stages the built-in instrument offers (`context.stages` ids).
/// In JSON its id: `"orienting"`, `"preparing"` or `"operating"`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// "Oriënteren": is cooperation needed, and with whom? (steps 1–2)
    Orienting,
    /// "Voorbereiden": vision, goals, form and set-up (steps 3–4).
    Preparing,
    /// "In bedrijf": the partnership runs (steps 5–6).
    Operating,
}

impl Stage {
    /// The stage for a context stage id; `None` when unknown (validation
    /// only lets the three known ids into an instrument). Parse once where
    /// an id comes in ([`Context::known_stage`](crate::Context::known_stage)),
    /// then pass the `Stage`.
    pub fn from_id(id: &str) -> Option<Stage> {
        match id {
            "orienting" => Some(Stage::Orienting),
            "preparing" => Some(Stage::Preparing),
            "operating" => Some(Stage::Operating),
            _ => None,
        }
    }

    /// The stage's id, as `context.stages` and a file write it.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Orienting => "orienting",
            Stage::Preparing => "preparing",
            Stage::Operating => "operating",
        }
    }

    /// The ids the rules know, in order.
    pub const IDS: [&'static str; 3] = ["orienting", "preparing", "operating"];

    /// Whether the partnership already runs.
    pub fn running(self) -> bool {
        self == Stage::Operating
    }

    /// The first plan step (§8) a partnership at this stage works on: steps
    /// before it are behind it, so a concern there means going back.
    pub fn first_step(self) -> u8 {
        match self {
            Stage::Orienting => 1,
            Stage::Preparing => 3,
            Stage::Operating => 5,
        }
    }
}

/// How the rules read a report: the stage given, or the one assumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The stage given in the context, if any.
    pub given: Option<Stage>,
}

impl Reading {
    pub(crate) fn of(given: Option<Stage>) -> Reading {
        Reading { given }
    }

    /// Operating: the verdict describes a running partnership.
    pub(crate) fn running(self) -> bool {
        self.given.is_some_and(Stage::running)
    }

    /// Before the start (also when no stage was given: a readiness scan is
    /// read as one, and the report says so).
    pub(crate) fn before_start(self) -> bool {
        !self.running()
    }

    /// The sentence that says which reading was assumed when no stage was given.
    pub(crate) fn assumed_text(self, lang: Lang) -> Option<String> {
        self.given.is_none().then(|| {
            lang.pick(
                "U heeft niet gekozen in welke fase de samenwerking is. Het oordeel gaat ervan uit dat de samenwerking nog niet draait: de stellingen over de lopende samenwerking tellen als vooruitblik. Draait de samenwerking al? Kies dan ‘In bedrijf’ bij de vragen over de samenwerking.",
                "You did not choose the stage of the partnership. The verdict assumes the partnership is not running yet: the statements about the running partnership are treated as expectations. Is it already running? Then choose ‘Operating’ in the questions about the partnership.",
            )
            .to_string()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_come_from_their_ids() {
        assert_eq!(Stage::from_id("operating"), Some(Stage::Operating));
        assert_eq!(Stage::from_id("elders"), None);
        for id in Stage::IDS {
            let stage = Stage::from_id(id).unwrap();
            assert_eq!(stage.id(), id);
            assert_eq!(serde_json::to_string(&stage).unwrap(), format!("\"{id}\""));
        }
        assert!(Reading::of(None).before_start());
        assert!(Reading::of(Some(Stage::Preparing)).before_start());
        assert!(Reading::of(Some(Stage::Operating)).running());
        assert!(Reading::of(None).assumed_text(Lang::Nl).is_some());
        assert!(Reading::of(Some(Stage::Orienting))
            .assumed_text(Lang::Nl)
            .is_none());
    }
}
