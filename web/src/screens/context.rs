//! The partnership: who you are (optional), the partners and the context
//! questions of the instrument (stage, urgency, goals, motives, form, tasks).

use crate::i18n::texts;
use samenwerkingsscan::Lang;
use samenwerkingsscan::{Context, Instrument, Partner, Respondent, Role, Text};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct ContextProps {
    pub instrument: Rc<Instrument>,
    pub lang: Lang,
    pub respondent: Respondent,
    pub context: Context,
    pub on_respondent: Callback<Respondent>,
    pub on_context: Callback<Context>,
}

impl PartialEq for ContextProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.instrument, &other.instrument)
            && self.lang == other.lang
            && self.respondent == other.respondent
            && self.context == other.context
    }
}

/// A change to the context, made from an input's event.
type Edit = Rc<dyn Fn(&mut Context, &Event)>;

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

fn options<'a>(items: Vec<(&'a String, &'a Text)>) -> Vec<(String, &'a Text)> {
    items.into_iter().map(|(id, l)| (id.clone(), l)).collect()
}

#[function_component(ContextForm)]
pub fn context_form(props: &ContextProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let spec = &props.instrument.context;
    let c = &props.context;

    let set_role = {
        let (r, cb) = (props.respondent.clone(), props.on_respondent.clone());
        move |role: Option<Role>| {
            let (r, cb) = (r.clone(), cb.clone());
            Callback::from(move |_: Event| {
                let mut r = r.clone();
                r.role = role;
                cb.emit(r);
            })
        }
    };
    let on_municipality = {
        let (r, cb) = (props.respondent.clone(), props.on_respondent.clone());
        Callback::from(move |e: Event| {
            let mut r = r.clone();
            let v = input_value(&e);
            r.municipality = (!v.trim().is_empty()).then(|| v.trim().to_string());
            cb.emit(r);
        })
    };
    let update = |f: Edit| {
        let (c, cb) = (c.clone(), props.on_context.clone());
        Callback::from(move |e: Event| {
            let mut c = c.clone();
            f(&mut c, &e);
            cb.emit(c);
        })
    };

    // One radio group for a single choice (with "no choice").
    let single = |legend: &str,
                  name: &str,
                  options: Vec<(String, &Text)>,
                  chosen: Option<String>,
                  field: fn(&mut Context) -> &mut Option<String>,
                  none_label: &str| {
        let none_id = format!("scan-{name}-none");
        html! {
            <fieldset class="scan-field scan-choices">
                <legend>{ legend }</legend>
                { for options.into_iter().map(|(id, label)| {
                    let input_id = format!("scan-{name}-{id}");
                    let value = id.clone();
                    html! {
                        <div class="scan-choice">
                            <input type="radio" id={input_id.clone()} name={format!("scan-{name}")} checked={chosen.as_deref() == Some(id.as_str())}
                                onchange={update(Rc::new(move |c, _| *field(c) = Some(value.clone())))} />
                            <label for={input_id}>{ label.get(lang) }</label>
                        </div>
                    }
                }) }
                <div class="scan-choice">
                    <input type="radio" id={none_id.clone()} name={format!("scan-{name}")} checked={chosen.is_none()}
                        onchange={update(Rc::new(move |c, _| *field(c) = None))} />
                    <label for={none_id}>{ none_label }</label>
                </div>
            </fieldset>
        }
    };
    // Checkboxes for a multiple choice.
    let multiple = |legend: &str,
                    name: &str,
                    options: Vec<(String, &Text)>,
                    chosen: &[String],
                    field: fn(&mut Context) -> &mut Vec<String>| {
        html! {
            <fieldset class="scan-field scan-choices">
                <legend>{ legend }</legend>
                { for options.into_iter().map(|(id, label)| {
                    let input_id = format!("scan-{name}-{id}");
                    let value = id.clone();
                    html! {
                        <div class="scan-choice">
                            <input type="checkbox" id={input_id.clone()} checked={chosen.contains(&id)}
                                onchange={update(Rc::new(move |c, e| {
                                    let list = field(c);
                                    list.retain(|x| *x != value);
                                    if checked(e) { list.push(value.clone()); }
                                }))} />
                            <label for={input_id}>{ label.get(lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    };

    let mut partners = c.partners.clone();
    if partners.is_empty() {
        partners.push(Partner::default());
    }
    let partner_rows = partners.iter().enumerate().map(|(i, p)| {
        let n = i + 1;
        let name_id = format!("scan-partner-{n}-name");
        let size_id = format!("scan-partner-{n}-size");
        let set_name = {
            let partners = partners.clone();
            update(Rc::new(move |c, e| {
                c.partners = partners.clone();
                c.partners[i].name = input_value(e).trim().to_string();
            }))
        };
        let set_size = {
            let partners = partners.clone();
            update(Rc::new(move |c, e| {
                c.partners = partners.clone();
                let digits: String = input_value(e).chars().filter(char::is_ascii_digit).collect();
                c.partners[i].inhabitants = digits.parse().ok().filter(|n| *n > 0);
            }))
        };
        let remove = {
            let (ctx, cb) = (c.clone(), props.on_context.clone());
            let partners = partners.clone();
            Callback::from(move |_: MouseEvent| {
                let mut ctx = ctx.clone();
                ctx.partners = partners.clone();
                ctx.partners.remove(i);
                cb.emit(ctx);
            })
        };
        html! {
            <div class="scan-partner">
                <div class="scan-field">
                    <label for={name_id.clone()}>{ (t.partner_name)(n) }</label>
                    <input type="text" id={name_id} class="scan-input" value={p.name.clone()} autocomplete="off" onchange={set_name} />
                </div>
                <div class="scan-field">
                    <label for={size_id.clone()}>{ (t.partner_inhabitants)(n) }</label>
                    <input type="text" inputmode="numeric" id={size_id} class="scan-input scan-input--number"
                        value={p.inhabitants.map(|x| x.to_string()).unwrap_or_default()} onchange={set_size} />
                </div>
                if partners.len() > 1 {
                    <button type="button" class="scan-button scan-button--small" onclick={remove}>{ (t.remove_partner)(n) }</button>
                }
            </div>
        }
    });
    let add_partner = {
        let (ctx, cb) = (c.clone(), props.on_context.clone());
        let partners = partners.clone();
        Callback::from(move |_: MouseEvent| {
            let mut ctx = ctx.clone();
            ctx.partners = partners.clone();
            ctx.partners.push(Partner::default());
            cb.emit(ctx);
        })
    };

    let role = props.respondent.role;
    html! {
        <section class="scan-context" aria-labelledby="scan-context-title">
            <h2 id="scan-context-title" tabindex="-1" data-screen-heading="">{ t.context_heading }</h2>
            <p class="scan-lead">{ t.context_lead }</p>

            <fieldset class="scan-group">
                <legend>{ t.partners }</legend>
                <p class="scan-hint">{ t.partners_hint }</p>
                { for partner_rows }
                <button type="button" class="scan-button scan-button--small" onclick={add_partner}>{ "+ " }{ t.add_partner }</button>
            </fieldset>

            { single(t.stage, "stage", options(spec.stages.iter().map(|x| (&x.id, &x.label)).collect()), c.stage.clone(), |c| &mut c.stage, t.choose_none) }
            { single(t.urgency, "urgency", options(spec.urgency.iter().map(|x| (&x.id, &x.label)).collect()), c.urgency.clone(), |c| &mut c.urgency, t.choose_none) }
            { multiple(t.goals, "goals", options(spec.goals.iter().map(|x| (&x.id, &x.label)).collect()), &c.goals, |c| &mut c.goals) }
            { multiple(t.motives, "motives", options(spec.motives.iter().map(|x| (&x.id, &x.label)).collect()), &c.motives, |c| &mut c.motives) }
            { single(t.form, "form", options(spec.forms.iter().map(|x| (&x.id, &x.label)).collect()), c.form.clone(), |c| &mut c.form, t.form_unknown) }
            { multiple(t.domains, "domains", options(spec.domains.iter().map(|x| (&x.id, &x.label)).collect()), &c.domains, |c| &mut c.domains) }

            <fieldset class="scan-group">
                <legend>{ t.about_you }</legend>
                <p class="scan-hint">{ t.about_you_hint }</p>
                <fieldset class="scan-field scan-choices">
                    <legend>{ t.role }</legend>
                    { for Role::ALL.iter().map(|r| {
                        let id = format!("scan-role-{}", r.id());
                        html! {
                            <div class="scan-choice">
                                <input type="radio" id={id.clone()} name="scan-role" checked={role == Some(*r)} onchange={set_role(Some(*r))} />
                                <label for={id}>{ r.label(lang) }</label>
                            </div>
                        }
                    }) }
                    <div class="scan-choice">
                        <input type="radio" id="scan-role-none" name="scan-role" checked={role.is_none()} onchange={set_role(None)} />
                        <label for="scan-role-none">{ t.role_none }</label>
                    </div>
                </fieldset>
                <div class="scan-field">
                    <label for="scan-municipality">{ t.municipality }</label>
                    <input type="text" id="scan-municipality" class="scan-input" autocomplete="off"
                        value={props.respondent.municipality.clone().unwrap_or_default()} onchange={on_municipality} />
                </div>
            </fieldset>
        </section>
    }
}
