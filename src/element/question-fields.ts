import type { TemplateResult } from 'lit';
import { answerMessage, questionLabel } from '../fields/answer-messages.js';
import type { FieldMessages, Locale } from '../fields/messages/index.js';
import { CHECKED, localText, type Question } from '../fields/questions.js';
import type { FieldErrorCode } from '../fields/rules.js';
import type { LeadCaptureConfig } from './config.js';
import { questionTemplate } from './question-template.js';
import type { UiStrings } from './strings/index.js';

/** What one question's markup needs from the fields controller. */
export interface QuestionRender {
  readonly id: string;
  readonly required: boolean;
  readonly value: string;
  readonly error: string;
  readonly messages: FieldMessages;
  readonly strings: UiStrings;
  readonly locale: Locale;
}

/**
 * The page's own questions as the fields controller asks them: which names are questions, what a
 * control's answer is, the words of their problems and their markup. Values, errors and validation
 * stay the controller's, shared with the catalogue fields.
 */
export class QuestionFields {
  #asked = new Map<string, Question>();

  /** The questions this form asks (those `fields` names), for the validator. */
  configure(config: LeadCaptureConfig): Question[] {
    const asked = config.questions.filter((question) => config.fields.includes(question.name));
    this.#asked = new Map(asked.map((question) => [question.name, question]));
    return asked;
  }

  has(name: string): boolean {
    return this.#asked.has(name);
  }

  /**
   * The answer a control holds, or undefined when it is no question's: a ticked box says "yes", an
   * unticked one nothing; a radio is heard from only when it becomes the one checked.
   */
  answerOf(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string | undefined {
    if (!this.#asked.has(control.name)) return undefined;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked ? CHECKED : '';
    return control.value;
  }

  /** A question's problem in words, or undefined for a name that is not a question. */
  message(messages: FieldMessages, name: string, code: FieldErrorCode, locale: Locale): string | undefined {
    const question = this.#asked.get(name);
    return question ? answerMessage(messages, question, code, locale) : undefined;
  }

  /** The control the error summary links to: a radio group's first radio, else the control itself. */
  target(name: string, id: string): string {
    return this.#asked.get(name)?.type === 'radio' ? `${id}-0` : id;
  }

  render(name: string, view: QuestionRender): TemplateResult | undefined {
    const question = this.#asked.get(name);
    if (!question) return undefined;
    return questionTemplate({
      question,
      id: view.id,
      label: questionLabel(view.messages, question, view.locale),
      placeholder: question.placeholder === undefined ? undefined : localText(question.placeholder, view.locale),
      options: (question.options ?? []).map((option) => ({ value: option.value, label: localText(option.label, view.locale) })),
      required: view.required,
      requiredMark: view.messages.requiredMark(),
      chooseLabel: view.strings.choose,
      value: view.value,
      error: view.error,
    });
  }
}
