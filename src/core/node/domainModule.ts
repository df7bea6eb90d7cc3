import loadPorts from './loadPorts.cjs';

// Node's deprecated `domain`, minimal but real (docs/runtime-semantics.md §10.2): aws-sdk
// requires it at load and checks `domain.active` and `instanceof Domain` per request. A domain
// groups emitters, binds and intercepts callbacks, and is `active` while its code runs. What
// Hookpad does not do: route an uncaught exception to the active domain's 'error' event; an
// exception thrown inside `run` propagates to its caller, and one thrown later is the hook's
// uncaught exception, as without domains.

type Listener = (...args: unknown[]) => unknown;
interface Emitter {
  emit(event: string, ...args: unknown[]): boolean;
}

export function createDomainModule(): Record<string, unknown> {
  const EventEmitter = loadPorts.events() as new () => Emitter;
  const stack: Domain[] = [];
  const module: { active: Domain | null } & Record<string, unknown> = { active: null };

  class Domain extends EventEmitter {
    members: unknown[] = [];

    enter(): void {
      stack.push(this);
      module.active = this;
    }

    /** Leaves this domain and any entered inside it. */
    exit(): void {
      const index = stack.lastIndexOf(this);
      if (index === -1) return;
      stack.splice(index);
      module.active = stack.at(-1) ?? null;
    }

    add(emitter: unknown): void {
      if (typeof emitter !== 'object' || emitter === null) return;
      const member = emitter as { domain?: unknown };
      if (member.domain instanceof Domain) member.domain.remove(emitter);
      member.domain = this;
      if (!this.members.includes(emitter)) this.members.push(emitter);
    }

    remove(emitter: unknown): void {
      const index = this.members.indexOf(emitter);
      if (index === -1) return;
      this.members.splice(index, 1);
      (emitter as { domain?: unknown }).domain = null;
    }

    run<T>(fn: (...args: unknown[]) => T, ...args: unknown[]): T {
      this.enter();
      try {
        return fn.apply(this, args);
      } finally {
        this.exit();
      }
    }

    /** The callback, run inside this domain whenever it is called. */
    bind(callback: Listener): Listener {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the callback keeps its own `this`
      const domain = this;
      const bound = function (this: unknown, ...args: unknown[]) {
        return domain.run(() => callback.apply(this, args));
      };
      return Object.assign(bound, { domain });
    }

    /** As bind, but a first-argument error goes to this domain's 'error' event instead. */
    intercept(callback: Listener): Listener {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the callback keeps its own `this`
      const domain = this;
      const intercepted = function (this: unknown, error: unknown, ...args: unknown[]) {
        if (error) {
          if (typeof error === 'object') {
            Object.assign(error, { domainBound: callback, domainThrown: false, domain });
          }
          domain.emit('error', error);
          return undefined;
        }
        return domain.run(() => callback.apply(this, args));
      };
      return Object.assign(intercepted, { domain });
    }
  }

  const create = () => new Domain();
  return Object.assign(module, { _stack: stack, Domain, create, createDomain: create });
}
