import { afterSandboxStart } from '../../perf/editorReady';
import { lazyPart } from '../common/lazyPart';
import { InputSection } from '../runner/InputSection';
import { AddPackageFileButton } from '../packages/AddPackageFileButton';
import './network.css';

// The table brings semver and the stored packages' views: it loads once the editor and then
// the sandbox are up, so it never competes with Monaco's start or a first Run.
const { Part: DependenciesTable } = lazyPart(
  () =>
    afterSandboxStart()
      .then(() => import('./DependenciesTable'))
      .then((module) => module.default),
  <p className="field-note">Reading the hook&apos;s requires…</p>,
);

/**
 * The hook's dependencies (name → version): its code's and last run's requires, and declared
 * ones; the npm packages stored for them, and where more come from.
 */
export function DependenciesView() {
  return (
    <InputSection
      name="Dependencies"
      className="dependencies"
      actions={<AddPackageFileButton />}
      subtitle={
        <>
          from <code>require(&apos;…&apos;)</code> in the code, the last run and the hook&apos;s
          declared dependencies
        </>
      }
    >
      <DependenciesTable />
    </InputSection>
  );
}
