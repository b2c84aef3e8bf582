import type { Question } from '../../contracts/diagnosis';
import { t } from '../../i18n/i18n';
import { msgKey } from '../../i18n/keys';

export function QuestionBox({ question, onAnswer }: { question: Question; onAnswer: (yes: boolean) => void }) {
  const id = `q-${question.id}`;
  return (
    <section data-testid="question" data-question-id={question.id} class="question" aria-labelledby={id}>
      <h2 id={id}>{t(msgKey('q', question.id))}</h2>
      <p class="hint">{t('popup_question_why')}</p>
      <div class="row">
        <button type="button" data-testid="answer-yes" onClick={() => onAnswer(true)}>
          {t('answer_yes')}
        </button>
        <button type="button" data-testid="answer-no" onClick={() => onAnswer(false)}>
          {t('answer_no')}
        </button>
      </div>
    </section>
  );
}
