import type { TestCase } from '../../core/testCases/testCaseSchema';
import type { RunKind } from '../../core/actions/actionSchemas';
import { testResultKey } from '../../workspace/testCases/testResultKey';
import type { TestResultState } from '../../store/testsSlice';
import { TestItem } from './TestItem';

interface TestListProps {
  hookId: string;
  tests: readonly TestCase[];
  results: Readonly<Record<string, TestResultState | undefined>>;
  kinds: RunKind[];
  onEdit(testId: string): void;
}

/** The hook's saved tests, one item each: loaded when the Tests section first opens. */
export function TestList({ hookId, tests, results, kinds, onEdit }: TestListProps) {
  return (
    <ul className="tests-list">
      {tests.map((test) => (
        <TestItem
          key={test.id}
          hookId={hookId}
          test={test}
          result={results[test.id]}
          actionResult={results[testResultKey(test.id, 'action')]}
          kinds={kinds}
          onEdit={() => onEdit(test.id)}
        />
      ))}
    </ul>
  );
}
