//! What the reader sees when the content cannot be shown: what failed and a retry.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub lang: Lang,
    pub message: AttrValue,
    pub onretry: Callback<()>,
}

#[function_component(ErrorView)]
pub fn error_view(props: &ErrorViewProps) -> Html {
    let s = props.lang.strings();
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <section class="bti-error" role="alert">
            <h2 class="bti-error__title">{ s.error_title }</h2>
            <p class="bti-error__message">{ props.message.clone() }</p>
            <button type="button" class="bti-button" {onclick}>{ s.retry }</button>
        </section>
    }
}
