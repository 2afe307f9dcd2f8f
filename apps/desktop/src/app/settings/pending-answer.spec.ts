import { PendingAnswer } from './pending-answer';

describe('PendingAnswer', () => {
  it('is open while a question waits, and gives the answer', async () => {
    const question = new PendingAnswer();
    expect(question.open()).toBe(false);

    const answer = question.ask();
    expect(question.open()).toBe(true);

    question.answer(true);
    await expect(answer).resolves.toBe(true);
    expect(question.open()).toBe(false);
  });

  it('answers an earlier question no when asked again', async () => {
    const question = new PendingAnswer();
    const first = question.ask();
    const second = question.ask();

    question.answer(true);

    await expect(first).resolves.toBe(false);
    await expect(second).resolves.toBe(true);
  });
});
